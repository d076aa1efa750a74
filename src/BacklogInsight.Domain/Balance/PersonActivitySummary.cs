namespace BacklogInsight.Domain.Balance;

/// <summary>
/// What one person did on one team's backlog in a period, as storage aggregates it: class counts and the last
/// instants of product work. A person active in two teams has one summary per team.
/// </summary>
public sealed record PersonActivitySummary
{
    public required string PersonSourceId { get; init; }

    public required string DisplayName { get; init; }

    public required ClassCounts Counts { get; init; }

    /// <summary>Their latest strategic activity on this team's backlog, at any time; null if never.</summary>
    public DateTimeOffset? LastStrategicAt { get; init; }

    /// <summary>Their latest tactical (owner) activity on this team's backlog, at any time; null if never.</summary>
    public DateTimeOffset? LastTacticalAt { get; init; }
}
