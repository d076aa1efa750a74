namespace BacklogInsight.Sources.Jira;

/// <summary>The project an issue belongs to.</summary>
public sealed record JiraProjectRef
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public string? Name { get; init; }
}
