namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A work item id in a WIQL result.</summary>
public sealed record AdoWorkItemRef
{
    public int Id { get; init; }
}
