using System.Net;
using System.Text;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>
/// Renders reports as one self-contained HTML document: inline CSS, inline SVG charts, no scripts, nothing loaded from
/// elsewhere, printable one team per page. Every string from a tracker or a user is HTML-encoded; item links are kept
/// only when they are http or https addresses.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    public string MediaType => "text/html; charset=utf-8";

    public string FileExtension => "html";

    public string Render(TeamWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = Open(ReportText.Title(report));
        WriteTeam(html, report, "h1", "h2");
        return Close(html);
    }

    public string Render(OrganisationWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = Open(ReportText.Title(report));
        html.Append("<header><h1>").Append(E(ReportText.Title(report))).Append("</h1>");
        Meta(html, ReportText.WeekSpan(report.Week, report.WeekStart, report.TimeZoneId), ReportText.Generated(report.GeneratedAt, report.ReportVersion));
        html.Append("</header><section class=\"summary\"><p>Totals: ").Append(E(ReportText.Counts(report.Totals)))
            .Append(" · balance <strong>").Append(E(ReportText.Balance(report.Balance))).Append("</strong></p><p>")
            .Append(report.TeamsNeedingAttention).Append(" of ").Append(report.Rows.Count).Append(" teams need attention.</p>");
        if (report.Rows.Count > 0)
        {
            Table(html, ["Team", "#Balance", "#Change", "Trend", "#Strategic", "#Tactical", "#Delivery", "#Other", "Owner work by", "Needs attention"],
                report.Rows.Select(r => new[]
                {
                    r.TeamName, ReportText.Balance(r.Balance), Percent.FormatDelta(r.Comparison.Delta), ReportText.Trend(r.Comparison.Trend),
                    $"{r.Counts.Strategic}", $"{r.Counts.Tactical}", $"{r.Counts.Delivery}", $"{r.Counts.Other}",
                    r.DeFactoOwner ?? "nobody", string.Join("; ", r.Attention.Select(ReportText.Attention)),
                }));
        }

        html.Append("</section>");
        foreach (var team in report.Teams)
        {
            WriteTeam(html, team, "h2", "h3");
        }

        return Close(html);
    }

    private static void WriteTeam(StringBuilder html, TeamWeeklyReport report, string h, string sub)
    {
        html.Append("<section class=\"team\"><").Append(h).Append('>').Append(E(ReportText.Title(report))).Append("</").Append(h).Append('>');
        Meta(html, ReportText.WeekSpan(report.Week, report.WeekStart, report.TimeZoneId), ReportText.Generated(report.GeneratedAt, report.ReportVersion));
        if (report.CreatedThisWeek)
        {
            html.Append("<p class=\"notice\">").Append(E(ReportText.CreatedMidWeek(report))).Append("</p>");
        }

        if (!report.HasActivity)
        {
            html.Append("<p class=\"notice\">").Append(ReportText.NoActivity).Append("</p>");
        }

        foreach (var reason in report.Attention)
        {
            html.Append("<p class=\"attention\">").Append(E(ReportText.Attention(reason))).Append("</p>");
        }

        WriteBalance(html, report, sub);
        Heading(html, sub, "People");
        if (report.People.Count == 0)
        {
            html.Append("<p>Nobody was active on the backlog this week.</p>");
        }
        else
        {
            Table(html, ["Person", "Inferred role", "#Strategic", "#Tactical", "#Delivery", "#Other", "#Share of team strategic", "#Share of team tactical"],
                report.People.Select(p => new[]
                {
                    p.DisplayName, ReportText.Role(p.Role), $"{p.Counts.Strategic}", $"{p.Counts.Tactical}", $"{p.Counts.Delivery}",
                    $"{p.Counts.Other}", Percent.Format(p.TeamShares.Strategic), Percent.Format(p.TeamShares.Tactical),
                }));
        }

        WriteCoverage(html, report.Coverage, sub);
        WriteNotable(html, report.Notable, sub);
        WriteAlerts(html, report.Alerts, sub);
        html.Append("</section>");
    }

    private static void WriteBalance(StringBuilder html, TeamWeeklyReport report, string sub)
    {
        var week = report.Balance;
        Heading(html, sub, "Balance");
        html.Append("<ul><li>Balance (strategic ÷ product work): <strong>").Append(E(ReportText.Balance(week.Balance))).Append("</strong></li>")
            .Append("<li>Previous ").Append(week.Comparison.WeeksWithData).Append(" weeks with data: ").Append(E(Percent.Format(week.Comparison.PreviousMean)))
            .Append("; change ").Append(E(Percent.FormatDelta(week.Comparison.Delta))).Append("; trend ").Append(E(ReportText.Trend(week.Comparison.Trend)))
            .Append("</li><li>Tactical share of role work: ").Append(E(Percent.Format(week.TacticalShare)))
            .Append("</li><li>Activities: ").Append(E(ReportText.Counts(week.Counts))).Append("</li></ul>");
        html.Append("<div class=\"charts\"><figure>").Append(SvgCharts.StackedBars(report.Trend)).Append("<figcaption class=\"legend\">")
            .Append(Swatch(SvgCharts.StrategicColour, "strategic")).Append(Swatch(SvgCharts.TacticalColour, "tactical"))
            .Append(Swatch(SvgCharts.DeliveryColour, "delivery")).Append(Swatch(SvgCharts.OtherColour, "other"))
            .Append("</figcaption></figure><figure>").Append(SvgCharts.BalanceLine(report.Trend))
            .Append("<figcaption class=\"legend\">Balance: 100% all strategic, 0% all tactical; gaps are weeks without product work.</figcaption></figure></div>");
    }

    private static void WriteCoverage(StringBuilder html, OwnerCoverage coverage, string sub)
    {
        Heading(html, sub, "Coverage");
        html.Append("<ul><li>Owner (tactical) work: ").Append(E(ReportText.Coverage(coverage.OwnerWork)))
            .Append("</li><li>Strategic work: ").Append(E(ReportText.Coverage(coverage.StrategicWork))).Append("</li>");
        if (ReportText.DesignatedOwner(coverage) is { } designated)
        {
            html.Append("<li>").Append(E(designated)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void WriteNotable(StringBuilder html, IReadOnlyList<NotableActivity> notable, string sub)
    {
        Heading(html, sub, "Notable activity");
        if (notable.Count == 0)
        {
            html.Append("<p>None this week.</p>");
            return;
        }

        html.Append("<table><thead><tr><th>When</th><th>What</th><th>Item</th><th>By</th><th>Detail</th></tr></thead><tbody>");
        foreach (var n in notable)
        {
            var item = $"{E(n.ItemKey)} {E(n.ItemTitle)}";
            html.Append("<tr><td>").Append(E(ReportText.Time(n.OccurredAt))).Append("</td><td>").Append(E(ReportText.Notable(n.Kind)))
                .Append("</td><td>")
                .Append(ReportText.SafeUrl(n.ItemUrl) is { } url ? $"<a href=\"{E(url)}\" rel=\"noopener noreferrer\">{item}</a>" : item)
                .Append("</td><td>").Append(E(n.ActorDisplayName)).Append("</td><td>").Append(E(n.Description)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void WriteAlerts(StringBuilder html, IReadOnlyList<ReportAlert>? alerts, string sub)
    {
        if (alerts is null)
        {
            return;
        }

        Heading(html, sub, "Open alerts");
        html.Append(alerts.Count == 0 ? "<p>None.</p>" : "<ul>");
        foreach (var a in alerts)
        {
            html.Append("<li><strong>").Append(E(a.Severity.ToString())).Append("</strong> ").Append(E(a.Title))
                .Append(" (since ").Append(E(ReportText.Time(a.Since))).Append(")</li>");
        }

        html.Append(alerts.Count == 0 ? string.Empty : "</ul>");
    }

    /// <summary>A table of text cells; a header starting with '#' marks a numeric column, right-aligned.</summary>
    private static void Table(StringBuilder html, string[] headers, IEnumerable<string[]> rows)
    {
        var numeric = headers.Select(h => h.StartsWith('#')).ToArray();
        html.Append("<table><thead><tr>");
        for (var i = 0; i < headers.Length; i++)
        {
            Cell(html, "th", numeric[i], headers[i].TrimStart('#'));
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                Cell(html, "td", numeric[i], row[i]);
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Cell(StringBuilder html, string tag, bool numeric, string text) =>
        html.Append('<').Append(tag).Append(numeric ? " class=\"n\">" : ">").Append(E(text)).Append("</").Append(tag).Append('>');

    private static void Heading(StringBuilder html, string tag, string text) =>
        html.Append('<').Append(tag).Append('>').Append(text).Append("</").Append(tag).Append('>');

    private static void Meta(StringBuilder html, params string[] lines) =>
        html.Append("<p class=\"meta\">").Append(string.Join("<br>", lines.Select(E))).Append("</p>");

    private static string Swatch(string colour, string name) => $"<span><i style=\"background:{colour}\"></i>{name}</span>";

    private static StringBuilder Open(string title) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(E(title)).Append("</title><style>").Append(HtmlReportStyles.Css).Append("</style></head><body>");

    private static string Close(StringBuilder html) => html.Append("</body></html>\n").ToString();

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
