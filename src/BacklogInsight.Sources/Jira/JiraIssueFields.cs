using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.Jira;

/// <summary>The issue fields the source asks for; custom fields (ids differ per site) land in <see cref="Custom"/>.</summary>
public sealed record JiraIssueFields
{
    public string? Summary { get; init; }

    public JiraIssueType? IssueType { get; init; }

    public JiraIssueRef? Parent { get; init; }

    public JiraProjectRef? Project { get; init; }

    public JiraStatus? Status { get; init; }

    public JiraUser? Assignee { get; init; }

    public JiraUser? Reporter { get; init; }

    public JiraUser? Creator { get; init; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; init; }

    public IReadOnlyList<string>? Labels { get; init; }

    public JiraCommentPage? Comment { get; init; }

    public IReadOnlyList<JiraComponent>? Components { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}
