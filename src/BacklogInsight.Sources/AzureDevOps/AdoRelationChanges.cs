namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The links an update added, removed or changed.</summary>
public sealed record AdoRelationChanges
{
    public List<AdoRelation> Added { get; init => field = value ?? []; } = [];

    public List<AdoRelation> Removed { get; init => field = value ?? []; } = [];
}
