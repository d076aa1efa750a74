namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The state → category map of one work item type (categories: Proposed, InProgress, Resolved, Completed, Removed).</summary>
public sealed record AdoTypeStates
{
    public string? WorkItemTypeName { get; init; }

    public Dictionary<string, string> States { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
