namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A team of a project (<c>_apis/projects/{id}/teams</c>).</summary>
public sealed record AdoTeam
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? ProjectName { get; init; }

    public string? ProjectId { get; init; }
}
