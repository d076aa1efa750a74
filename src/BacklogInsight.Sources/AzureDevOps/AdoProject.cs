namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A team project (<c>_apis/projects</c>).</summary>
public sealed record AdoProject
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? State { get; init; }
}
