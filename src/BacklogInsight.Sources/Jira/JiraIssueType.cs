namespace BacklogInsight.Sources.Jira;

/// <summary>An issue type; <see cref="HierarchyLevel"/> is -1 sub-task, 0 base, 1 epic, 2+ above.</summary>
public sealed record JiraIssueType
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public bool Subtask { get; init; }

    public int? HierarchyLevel { get; init; }
}
