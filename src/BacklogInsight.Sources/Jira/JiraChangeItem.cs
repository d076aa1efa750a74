using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.Jira;

/// <summary>One field change inside a change history.</summary>
public sealed record JiraChangeItem
{
    /// <summary>The field's display name; it may be renamed or localized.</summary>
    public string? Field { get; init; }

    /// <summary><c>jira</c> or <c>custom</c>.</summary>
    public string? FieldType { get; init; }

    /// <summary>The field id; missing for some items (IssueParentAssociation, Link) and on Data Center.</summary>
    public string? FieldId { get; init; }

    public string? From { get; init; }

    public string? FromString { get; init; }

    public string? To { get; init; }

    [JsonPropertyName("toString")]
    public string? ToText { get; init; }
}
