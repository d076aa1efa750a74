using System.Globalization;
using System.Text;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>
/// Renders reports as RFC 4180 CSV (comma, CRLF, fields quoted when they hold a comma, quote or line break) with a
/// header row. Safe to open in a spreadsheet: a text field starting with = + - @, tab or carriage return gets a leading
/// apostrophe so it is never run as a formula. Numbers use the invariant culture; shares are fractions (0.25), an
/// empty field means "no data".
/// <para>
/// <see cref="Render(TeamWeeklyReport)"/>: one row per team, trend week and class — team_id, team_name, week (2026-W47),
/// week_start (local Monday, yyyy-MM-dd), class (strategic, tactical, delivery, other), count, balance, previous_mean,
/// delta, trend (the week's balance figures, repeated on its four rows).
/// </para>
/// <para>
/// <see cref="RenderPeople(TeamWeeklyReport)"/>: one row per person and team in the report week — team_id, team_name,
/// week, person_id, person_name, inferred_role (combined, pm-like, po-like, contributor), strategic, tactical, delivery,
/// other, volume, share_of_team_strategic, share_of_team_tactical. A person in two teams has a row in each.
/// </para>
/// </summary>
public sealed class CsvReportRenderer : IReportRenderer
{
    private const string NewLine = "\r\n";

    private static readonly string[] BalanceHeader =
        ["team_id", "team_name", "week", "week_start", "class", "count", "balance", "previous_mean", "delta", "trend"];

    private static readonly string[] PeopleHeader =
    [
        "team_id", "team_name", "week", "person_id", "person_name", "inferred_role", "strategic", "tactical", "delivery", "other",
        "volume", "share_of_team_strategic", "share_of_team_tactical",
    ];

    public string MediaType => "text/csv; charset=utf-8; header=present";

    public string FileExtension => "csv";

    public string Render(TeamWeeklyReport report) => Write(BalanceHeader, BalanceRows(report));

    public string Render(OrganisationWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(BalanceHeader, report.Teams.SelectMany(BalanceRows));
    }

    public string RenderPeople(TeamWeeklyReport report) => Write(PeopleHeader, PeopleRows(report));

    public string RenderPeople(OrganisationWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(PeopleHeader, report.Teams.SelectMany(PeopleRows));
    }

    /// <summary>One field as RFC 4180 wants it, defused against formula injection when it is text.</summary>
    public static string Field(string? text)
    {
        var value = text ?? string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static IEnumerable<string[]> BalanceRows(TeamWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var week in report.Trend)
        {
            foreach (var (name, count) in new[]
            {
                ("strategic", week.Counts.Strategic), ("tactical", week.Counts.Tactical),
                ("delivery", week.Counts.Delivery), ("other", week.Counts.Other),
            })
            {
                yield return
                [
                    Field(report.Team.SourceId), Field(report.Team.Name), week.Week.ToString(),
                    week.Week.FirstDay().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name, Number(count),
                    Number(week.Balance), Number(week.Comparison.PreviousMean), Number(week.Comparison.Delta), Trend(week.Comparison.Trend),
                ];
            }
        }
    }

    private static IEnumerable<string[]> PeopleRows(TeamWeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.People.Select(p => new[]
        {
            Field(report.Team.SourceId), Field(report.Team.Name), report.Week.ToString(), Field(p.PersonSourceId), Field(p.DisplayName),
            Role(p.Role), Number(p.Counts.Strategic), Number(p.Counts.Tactical), Number(p.Counts.Delivery), Number(p.Counts.Other),
            Number(p.Volume), Number(p.TeamShares.Strategic), Number(p.TeamShares.Tactical),
        });
    }

    private static string Write(string[] header, IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder().AppendJoin(',', header).Append(NewLine);
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row).Append(NewLine);
        }

        return csv.ToString();
    }

    // Numbers are written by us, never by a user, so they skip the formula guard: a delta of -0.1 stays a number.
    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Trend(BalanceTrend trend) => trend switch
    {
        BalanceTrend.Rising => "rising",
        BalanceTrend.Falling => "falling",
        BalanceTrend.Steady => "steady",
        _ => "insufficient-data",
    };

    private static string Role(InferredRole role) => role switch
    {
        InferredRole.Combined => "combined",
        InferredRole.ProductManagerLike => "pm-like",
        InferredRole.ProductOwnerLike => "po-like",
        _ => "contributor",
    };
}
