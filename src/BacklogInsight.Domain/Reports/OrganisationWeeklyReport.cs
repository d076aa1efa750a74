using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>The whole organisation's week: a line per team with the teams that need attention first, totals, and each team's report.</summary>
public sealed record OrganisationWeeklyReport
{
    public string ReportVersion { get; init; } = BacklogInsight.Domain.Reports.ReportVersion.Current;

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IsoWeek Week { get; init; }

    public required string TimeZoneId { get; init; }

    public required DateTimeOffset WeekStart { get; init; }

    public required DateTimeOffset WeekEnd { get; init; }

    /// <summary>
    /// Teams needing attention first — by their most urgent <see cref="AttentionReason"/>, then by how many reasons,
    /// then by delivery volume (more work going unsteered matters more), then by name — and the rest by name.
    /// </summary>
    public required IReadOnlyList<TeamSummaryRow> Rows { get; init; }

    public int TeamsNeedingAttention => Rows.Count(r => r.Attention.Count > 0);

    public required ClassCounts Totals { get; init; }

    /// <summary>The organisation's balance over all teams' counts; null without product work.</summary>
    public double? Balance { get; init; }

    /// <summary>Each team's full report, in the order of <see cref="Rows"/>.</summary>
    public required IReadOnlyList<TeamWeeklyReport> Teams { get; init; }
}
