namespace BacklogInsight.Sources.Jira;

/// <summary>A project from <c>project/search</c> (Cloud) or <c>project</c> (Data Center), with lead and issue types.</summary>
public sealed record JiraProject
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public string? Name { get; init; }

    public JiraUser? Lead { get; init; }

    public IReadOnlyList<JiraIssueType> IssueTypes { get; init; } = [];
}
