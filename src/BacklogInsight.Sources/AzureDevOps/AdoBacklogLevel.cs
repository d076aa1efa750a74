namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>One backlog level (Epics, Features, Stories, Tasks) and the work item types on it.</summary>
public sealed record AdoBacklogLevel
{
    public string? Id { get; init; }

    public int Rank { get; init; }

    public List<AdoNamed> WorkItemTypes { get; init; } = [];
}
