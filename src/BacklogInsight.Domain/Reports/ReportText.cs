using System.Globalization;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>The words and formats every renderer shares, so Markdown, HTML and CSV say the same thing.</summary>
internal static class ReportText
{
    public const string NoActivity = "No activity this week.";

    public static string Time(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? instant) => instant is { } value ? Time(value) : "never";

    public static string Date(DateTimeOffset instant) => instant.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Mon 16 Nov 2026 – Sun 22 Nov 2026 (Europe/Berlin)".</summary>
    public static string WeekSpan(IsoWeek week, DateTimeOffset start, string zoneId) =>
        $"{Date(start)} – {week.LastDay().ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} ({zoneId})";

    public static string Title(TeamWeeklyReport report) => $"{report.Team.Name} — week {report.Week}";

    public static string Title(OrganisationWeeklyReport report) => $"Role balance — week {report.Week}";

    public static string Generated(DateTimeOffset at, string version) => $"Generated {Time(at)} · report version {version}";

    public static string CreatedMidWeek(TeamWeeklyReport report) =>
        $"Team created {Date(report.Team.CreatedAt ?? report.WeekStart)}: this week is partial.";

    public static string Role(InferredRole role) => role switch
    {
        InferredRole.Combined => "Combined PM + PO",
        InferredRole.ProductManagerLike => "PM-like",
        InferredRole.ProductOwnerLike => "PO-like",
        _ => "Contributor",
    };

    public static string Trend(BalanceTrend trend) => trend switch
    {
        BalanceTrend.Rising => "rising (more strategic)",
        BalanceTrend.Falling => "falling (more tactical)",
        BalanceTrend.Steady => "steady",
        _ => "insufficient data",
    };

    public static string Balance(double? balance) => balance is null ? "insufficient data" : Percent.Format(balance);

    public static string Attention(AttentionReason reason) => reason switch
    {
        AttentionReason.NoOwnerWorkWhileDelivering => "No owner (tactical) work while delivery continues",
        AttentionReason.NoStrategicWork => "No strategic work in the trend window",
        AttentionReason.ThinOwnership => "Thin ownership: little owner work for the delivery going on",
        AttentionReason.FallingBalance => "Balance falling towards tactical work",
        _ => reason.ToString(),
    };

    public static string Notable(NotableActivityKind kind) => kind switch
    {
        NotableActivityKind.EpicCreated => "Epic created",
        NotableActivityKind.ItemAccepted => "Accepted",
        NotableActivityKind.ItemRejected => "Rejected",
        NotableActivityKind.Reprioritised => "Reprioritised",
        NotableActivityKind.SprintScopeChanged => "Sprint scope changed",
        _ => kind.ToString(),
    };

    public static string Counts(ClassCounts counts) =>
        $"strategic {counts.Strategic} · tactical {counts.Tactical} · delivery {counts.Delivery} · other {counts.Other}";

    /// <summary>"Olga (8, last 2026-11-20 14:02), Max (1, last 2026-10-02 09:12)", or "nobody".</summary>
    public static string Coverage(IReadOnlyList<CoverageEntry> entries) =>
        entries.Count == 0 ? "nobody" : string.Join(", ", entries.Select(e => $"{e.DisplayName} ({e.Count}, last {Time(e.LastAt)})"));

    public static string? DesignatedOwner(OwnerCoverage coverage) => coverage.DesignatedOwnerActive switch
    {
        true => "The designated owner did owner work this week.",
        false => "The designated owner did no owner work this week.",
        null => null,
    };

    /// <summary>The address when it is an absolute http or https URL; anything else (javascript:, relative) is not linked.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
