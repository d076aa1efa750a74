using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Alerts;

/// <summary>One account's work on one team's backlog as the alert rules read it.</summary>
public sealed record PersonWork
{
    public required string PersonSourceId { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Bots and service accounts: their work never counts as owner or strategic work.</summary>
    public bool IsBot { get; init; }

    /// <summary>Counts over the whole ISO weeks covering the owner window.</summary>
    public required ClassCounts OwnerWindow { get; init; }

    /// <summary>Counts over the whole ISO weeks covering the strategy window.</summary>
    public required ClassCounts StrategyWindow { get; init; }

    /// <summary>Their last tactical (owner) activity on this team's backlog, ever; exact.</summary>
    public DateTimeOffset? LastTacticalAt { get; init; }

    /// <summary>Their last strategic activity on this team's backlog, ever; exact.</summary>
    public DateTimeOffset? LastStrategicAt { get; init; }
}
