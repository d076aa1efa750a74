namespace BacklogInsight.Domain.Model;

/// <summary>A sprint (Jira) or iteration (Azure DevOps) of one team.</summary>
public sealed class Sprint
{
    public long Id { get; init; }

    public Guid ConnectionId { get; init; }

    public required string SourceId { get; init; }

    public required string TeamSourceId { get; set; }

    public required string Name { get; set; }

    /// <summary><c>future</c>, <c>active</c> or <c>closed</c>.</summary>
    public required string State { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    public string? Goal { get; set; }
}
