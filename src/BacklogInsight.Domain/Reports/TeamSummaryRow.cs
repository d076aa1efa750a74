using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>One team's line in the organisation report.</summary>
public sealed record TeamSummaryRow
{
    public required string TeamSourceId { get; init; }

    public required string TeamName { get; init; }

    public required ClassCounts Counts { get; init; }

    public double? Balance { get; init; }

    public required BalanceComparison Comparison { get; init; }

    /// <summary>Most urgent first; empty when the team is fine.</summary>
    public IReadOnlyList<AttentionReason> Attention { get; init; } = [];

    /// <summary>Who did the most owner work this week, if anyone.</summary>
    public string? DeFactoOwner { get; init; }

    /// <summary>Who did the most strategic work this week, if anyone.</summary>
    public string? LeadStrategist { get; init; }

    public int ActivePeople { get; init; }

    public bool CreatedThisWeek { get; init; }
}
