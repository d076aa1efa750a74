using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>Builds weekly reports from storage's aggregates: pure, the clock and the zone are passed in.</summary>
public sealed class WeeklyReportBuilder
{
    private readonly ReportOptions _options;
    private readonly BalanceCalculator _balance;
    private readonly RoleProfiler _profiler;
    private readonly AttentionRules _attention;

    public WeeklyReportBuilder()
        : this(new ReportOptions())
    {
    }

    public WeeklyReportBuilder(ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _balance = new BalanceCalculator(options.Balance);
        _profiler = new RoleProfiler(options.Roles);
        _attention = new AttentionRules(options);
    }

    /// <summary>One team's report for <paramref name="week"/> reckoned in <paramref name="zone"/>.</summary>
    public TeamWeeklyReport BuildTeam(TeamWeeklyInput input, IsoWeek week, TimeZoneInfo zone, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(zone);
        DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);
        DateTimeOffset? LocalOrNull(DateTimeOffset? instant) => instant is { } value ? Local(value) : null;

        var created = LocalOrNull(input.Team.CreatedAt);
        var createdWeek = created is { } at ? IsoWeek.FromInstant(at, zone) : (IsoWeek?)null;
        var first = week.AddWeeks(1 - _options.TrendWeeks);
        if (createdWeek > first && createdWeek <= week)
        {
            // Weeks before the team existed would read as silent weeks; they are left out instead.
            first = createdWeek.Value;
        }

        var trend = _balance.Calculate(input.Weeks, first, week);
        var people = input.People
            .Select(p => p with { LastStrategicAt = LocalOrNull(p.LastStrategicAt), LastTacticalAt = LocalOrNull(p.LastTacticalAt) })
            .ToList();
        return new TeamWeeklyReport
        {
            GeneratedAt = Local(generatedAt),
            Team = input.Team with { CreatedAt = created },
            Week = week,
            TimeZoneId = zone.Id,
            WeekStart = Local(week.Start(zone)),
            WeekEnd = Local(week.End(zone)),
            CreatedThisWeek = createdWeek == week,
            Balance = trend[^1],
            Trend = trend,
            People = _profiler.Profile(input.Team.SourceId, week, people.Where(p => p.Counts.Total > 0)),
            Coverage = OwnerCoverage.From(people, input.DesignatedOwnerSourceId),
            Attention = _attention.Assess(trend),
            Notable = [.. input.Notable.Select(n => n with { OccurredAt = Local(n.OccurredAt) }).OrderBy(n => n.OccurredAt)],
            Alerts = input.Alerts?.Select(a => a with { Since = Local(a.Since) }).OrderByDescending(a => a.Severity).ToList(),
        };
    }

    /// <summary>The organisation's report for <paramref name="week"/>: every team's report and a summary line per team.</summary>
    public OrganisationWeeklyReport BuildOrganisation(
        IEnumerable<TeamWeeklyInput> teams, IsoWeek week, TimeZoneInfo zone, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var reports = AttentionRules.Order(teams.Select(t => BuildTeam(t, week, zone, generatedAt))).ToList();
        var totals = ClassCounts.Sum(reports.Select(r => r.Balance.Counts));
        return new OrganisationWeeklyReport
        {
            GeneratedAt = TimeZoneInfo.ConvertTime(generatedAt, zone),
            Week = week,
            TimeZoneId = zone.Id,
            WeekStart = TimeZoneInfo.ConvertTime(week.Start(zone), zone),
            WeekEnd = TimeZoneInfo.ConvertTime(week.End(zone), zone),
            Rows = [.. reports.Select(Row)],
            Totals = totals,
            Balance = RoleBalance.Of(totals),
            Teams = reports,
        };
    }

    private static TeamSummaryRow Row(TeamWeeklyReport report) => new()
    {
        TeamSourceId = report.Team.SourceId,
        TeamName = report.Team.Name,
        Counts = report.Balance.Counts,
        Balance = report.Balance.Balance,
        Comparison = report.Balance.Comparison,
        Attention = report.Attention,
        DeFactoOwner = report.Coverage.DeFactoOwner?.DisplayName,
        LeadStrategist = report.Coverage.StrategicWork.FirstOrDefault(e => e.Count > 0)?.DisplayName,
        ActivePeople = report.People.Count,
        CreatedThisWeek = report.CreatedThisWeek,
    };
}
