namespace BacklogInsight.Sources.Jira;

/// <summary>Where a board lives: its project, when it belongs to one.</summary>
public sealed record JiraBoardLocation
{
    public long? ProjectId { get; init; }

    public string? ProjectKey { get; init; }

    public string? ProjectName { get; init; }
}
