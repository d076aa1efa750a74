namespace BacklogInsight.Sources.Jira;

/// <summary>A reference to another issue (the parent).</summary>
public sealed record JiraIssueRef
{
    public required string Id { get; init; }

    public string? Key { get; init; }
}
