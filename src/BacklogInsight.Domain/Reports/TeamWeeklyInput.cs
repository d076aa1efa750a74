using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>What storage hands over to build one team's weekly report.</summary>
public sealed record TeamWeeklyInput
{
    public required ReportTeam Team { get; init; }

    /// <summary>The configured owner (<c>Team.OwnerSourceId</c>), if any.</summary>
    public string? DesignatedOwnerSourceId { get; init; }

    /// <summary>
    /// The team's class counts per week: the trend weeks plus <see cref="BalanceOptions.ComparisonWeeks"/> before them
    /// (17 weeks by default). Missing weeks count as weeks without activity.
    /// </summary>
    public required IReadOnlyList<WeekCounts> Weeks { get; init; }

    /// <summary>
    /// Everyone active on the team's backlog in the report week. People with no activity this week but earlier product
    /// work may be included with empty counts: they then show in the coverage (when last) and not among the people.
    /// </summary>
    public IReadOnlyList<PersonActivitySummary> People { get; init; } = [];

    public IReadOnlyList<NotableActivity> Notable { get; init; } = [];

    /// <summary>Open alerts; leave null until alerts exist.</summary>
    public IReadOnlyList<ReportAlert>? Alerts { get; init; }
}
