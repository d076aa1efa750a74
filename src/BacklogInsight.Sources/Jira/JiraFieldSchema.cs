namespace BacklogInsight.Sources.Jira;

/// <summary>A field's schema: <see cref="Custom"/> names the custom field type, e.g. <c>com.pyxis.greenhopper.jira:gh-sprint</c>.</summary>
public sealed record JiraFieldSchema
{
    public string? Type { get; init; }

    public string? Items { get; init; }

    public string? System { get; init; }

    public string? Custom { get; init; }

    public long? CustomId { get; init; }
}
