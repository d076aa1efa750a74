using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>
/// One team's week: balance and its trend, who played which role, owner coverage, notable decisions and open alerts.
/// Instants carry the organisation's offset, so they read as local times and still compare as instants.
/// </summary>
public sealed record TeamWeeklyReport
{
    public string ReportVersion { get; init; } = BacklogInsight.Domain.Reports.ReportVersion.Current;

    public required DateTimeOffset GeneratedAt { get; init; }

    public required ReportTeam Team { get; init; }

    public required IsoWeek Week { get; init; }

    /// <summary>The IANA (or Windows) id of the organisation's time zone the week is reckoned in.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>Local Monday 00:00.</summary>
    public required DateTimeOffset WeekStart { get; init; }

    /// <summary>The next local Monday 00:00 (exclusive).</summary>
    public required DateTimeOffset WeekEnd { get; init; }

    /// <summary>True when the team was created during this week, so the week is partial.</summary>
    public bool CreatedThisWeek { get; init; }

    /// <summary>This week's balance: <see cref="Trend"/>'s last entry.</summary>
    public required TeamWeekBalance Balance { get; init; }

    /// <summary>The last weeks up to and including this one (nine by default), oldest first; none before the team existed.</summary>
    public required IReadOnlyList<TeamWeekBalance> Trend { get; init; }

    /// <summary>Everyone active on the team's backlog this week, by inferred role, most active first.</summary>
    public required IReadOnlyList<RoleProfile> People { get; init; }

    public required OwnerCoverage Coverage { get; init; }

    /// <summary>Most urgent first; empty when the team is fine.</summary>
    public IReadOnlyList<AttentionReason> Attention { get; init; } = [];

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<NotableActivity> Notable { get; init; } = [];

    /// <summary>Open alerts; null when alerts were not evaluated (as opposed to none open).</summary>
    public IReadOnlyList<ReportAlert>? Alerts { get; init; }

    public bool HasActivity => Balance.HasActivity;
}
