namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A reference to a work item field.</summary>
public sealed record AdoFieldRef
{
    public string? ReferenceName { get; init; }
}
