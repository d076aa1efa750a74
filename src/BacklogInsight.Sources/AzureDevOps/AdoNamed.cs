namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A reference by name, such as a work item type.</summary>
public sealed record AdoNamed
{
    public string? Name { get; init; }
}
