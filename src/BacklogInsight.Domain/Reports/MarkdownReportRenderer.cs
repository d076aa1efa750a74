using System.Text;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>
/// Renders reports as GitHub-flavoured Markdown. Every name and title from a tracker is escaped, so a pipe cannot break
/// a table and markup in a title shows as text.
/// </summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    public string MediaType => "text/markdown; charset=utf-8";

    public string FileExtension => "md";

    public string Render(TeamWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        WriteTeam(md, report, level: 1);
        return md.ToString();
    }

    public string Render(OrganisationWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(ReportText.Title(report)).AppendLine();
        md.AppendLine(ReportText.WeekSpan(report.Week, report.WeekStart, Escape(report.TimeZoneId)));
        md.AppendLine(ReportText.Generated(report.GeneratedAt, report.ReportVersion)).AppendLine();
        md.AppendLine($"Totals: {ReportText.Counts(report.Totals)} · balance {ReportText.Balance(report.Balance)}").AppendLine();
        md.AppendLine($"{report.TeamsNeedingAttention} of {report.Rows.Count} teams need attention.").AppendLine();
        if (report.Rows.Count > 0)
        {
            md.AppendLine("| Team | Balance | Change | Trend | Strategic | Tactical | Delivery | Other | Owner work by | Needs attention |");
            md.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---|---|");
            foreach (var row in report.Rows)
            {
                var c = row.Counts;
                md.AppendLine(Row(
                    Escape(row.TeamName), ReportText.Balance(row.Balance), Percent.FormatDelta(row.Comparison.Delta),
                    ReportText.Trend(row.Comparison.Trend), $"{c.Strategic}", $"{c.Tactical}", $"{c.Delivery}", $"{c.Other}",
                    Escape(row.DeFactoOwner ?? "nobody"), string.Join("; ", row.Attention.Select(ReportText.Attention))));
            }

            md.AppendLine();
        }

        foreach (var team in report.Teams)
        {
            WriteTeam(md, team, level: 2);
        }

        return md.ToString();
    }

    /// <summary>Escapes Markdown punctuation and folds line breaks, so the text stays one literal run, in a table cell too.</summary>
    public static string Escape(string? text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            _ = c switch
            {
                '\r' or '\n' => escaped.Append(' '),
                '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '!' or '&' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static void WriteTeam(StringBuilder md, TeamWeeklyReport report, int level)
    {
        var h = new string('#', level);
        md.Append(h).Append(' ').AppendLine(Escape(ReportText.Title(report))).AppendLine();
        md.AppendLine(ReportText.WeekSpan(report.Week, report.WeekStart, Escape(report.TimeZoneId)));
        md.AppendLine(ReportText.Generated(report.GeneratedAt, report.ReportVersion)).AppendLine();
        if (report.CreatedThisWeek)
        {
            md.Append("> ").AppendLine(ReportText.CreatedMidWeek(report)).AppendLine();
        }

        if (!report.HasActivity)
        {
            md.Append("> ").AppendLine(ReportText.NoActivity).AppendLine();
        }

        WriteBalance(md, report, h);
        WritePeople(md, report, h);
        WriteCoverage(md, report.Coverage, h);
        WriteNotable(md, report.Notable, h);
        WriteAlerts(md, report.Alerts, h);
    }

    private static void WriteBalance(StringBuilder md, TeamWeeklyReport report, string h)
    {
        var week = report.Balance;
        md.Append(h).AppendLine("# Balance").AppendLine();
        md.AppendLine($"- Balance (strategic ÷ product work): **{ReportText.Balance(week.Balance)}**");
        md.AppendLine($"- Previous {week.Comparison.WeeksWithData} weeks with data: {Percent.Format(week.Comparison.PreviousMean)}; " +
            $"change {Percent.FormatDelta(week.Comparison.Delta)}; trend {ReportText.Trend(week.Comparison.Trend)}");
        md.AppendLine($"- Tactical share of role work: {Percent.Format(week.TacticalShare)}");
        md.AppendLine($"- Activities: {ReportText.Counts(week.Counts)}");
        foreach (var reason in report.Attention)
        {
            md.AppendLine($"- ⚠ {ReportText.Attention(reason)}");
        }

        md.AppendLine().AppendLine("| Week | Strategic | Tactical | Delivery | Other | Balance | Trend |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var w in report.Trend)
        {
            var c = w.Counts;
            md.AppendLine(Row($"{w.Week}", $"{c.Strategic}", $"{c.Tactical}", $"{c.Delivery}", $"{c.Other}",
                ReportText.Balance(w.Balance), ReportText.Trend(w.Comparison.Trend)));
        }

        md.AppendLine();
    }

    private static void WritePeople(StringBuilder md, TeamWeeklyReport report, string h)
    {
        md.Append(h).AppendLine("# People").AppendLine();
        if (report.People.Count == 0)
        {
            md.AppendLine("Nobody was active on the backlog this week.").AppendLine();
            return;
        }

        md.AppendLine("| Person | Inferred role | Strategic | Tactical | Delivery | Other | Share of team strategic | Share of team tactical |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in report.People)
        {
            var c = p.Counts;
            md.AppendLine(Row(Escape(p.DisplayName), ReportText.Role(p.Role), $"{c.Strategic}", $"{c.Tactical}", $"{c.Delivery}",
                $"{c.Other}", Percent.Format(p.TeamShares.Strategic), Percent.Format(p.TeamShares.Tactical)));
        }

        md.AppendLine();
    }

    private static void WriteCoverage(StringBuilder md, OwnerCoverage coverage, string h)
    {
        md.Append(h).AppendLine("# Coverage").AppendLine();
        md.AppendLine($"- Owner (tactical) work: {Escape(ReportText.Coverage(coverage.OwnerWork))}");
        md.AppendLine($"- Strategic work: {Escape(ReportText.Coverage(coverage.StrategicWork))}");
        if (ReportText.DesignatedOwner(coverage) is { } designated)
        {
            md.AppendLine($"- {designated}");
        }

        md.AppendLine();
    }

    private static void WriteNotable(StringBuilder md, IReadOnlyList<NotableActivity> notable, string h)
    {
        md.Append(h).AppendLine("# Notable activity").AppendLine();
        if (notable.Count == 0)
        {
            md.AppendLine("None this week.").AppendLine();
            return;
        }

        md.AppendLine("| When | What | Item | By | Detail |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var n in notable)
        {
            var item = $"{Escape(n.ItemKey)} {Escape(n.ItemTitle)}";
            var linked = ReportText.SafeUrl(n.ItemUrl) is { } url ? $"[{item}](<{UrlInAngleBrackets(url)}>)" : item;
            md.AppendLine(Row(ReportText.Time(n.OccurredAt), ReportText.Notable(n.Kind), linked, Escape(n.ActorDisplayName), Escape(n.Description)));
        }

        md.AppendLine();
    }

    private static void WriteAlerts(StringBuilder md, IReadOnlyList<ReportAlert>? alerts, string h)
    {
        if (alerts is null)
        {
            return;
        }

        md.Append(h).AppendLine("# Open alerts").AppendLine();
        md.AppendLine(alerts.Count == 0 ? "None." : string.Join(Environment.NewLine,
            alerts.Select(a => $"- **{a.Severity}** {Escape(a.Title)} (since {ReportText.Time(a.Since)})")));
        md.AppendLine();
    }

    private static string Row(params string[] cells) => $"| {string.Join(" | ", cells)} |";

    // SafeUrl returns an absolute URI, already percent-encoded except for these, which would end the link or the cell.
    private static string UrlInAngleBrackets(string url) => url.Replace("<", "%3C", StringComparison.Ordinal)
        .Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
}
