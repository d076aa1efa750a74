namespace BacklogInsight.Sources.Jira;

/// <summary>An issue from a search page, with its embedded changelog and comments.</summary>
public sealed record JiraIssue
{
    /// <summary>The immutable issue id; the key changes when an issue moves to another project.</summary>
    public required string Id { get; init; }

    public required string Key { get; init; }

    public JiraIssueFields Fields { get; init => field = value ?? new(); } = new();

    public JiraChangelog? Changelog { get; init; }
}
