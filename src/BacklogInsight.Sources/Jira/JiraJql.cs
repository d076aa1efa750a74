using System.Globalization;
using System.Text;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Builds the search JQL from structured settings. Every user-given value is written as a quoted JQL string,
/// so no setting can change the query's shape.
/// </summary>
public static class JiraJql
{
    /// <summary>The JQL date-time literal format; JQL reads it in the searching user's time zone.</summary>
    public const string DateFormat = "yyyy/MM/dd HH:mm";

    /// <summary>A JQL string literal: double-quoted, with backslashes and quotes escaped.</summary>
    public static string Quote(string value) =>
        string.Concat("\"", value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal), "\"");

    /// <summary>
    /// The incremental search: the scope from <paramref name="settings"/>, <c>updated &gt;= from</c> when a start
    /// is given (formatted in <paramref name="zone"/>, floored to the minute), ordered so a watermark can resume it.
    /// </summary>
    public static string Search(JiraConnectionSettings settings, DateTimeOffset? updatedFrom, TimeZoneInfo zone)
    {
        var clauses = ScopeClauses(settings);
        if (updatedFrom is { } from)
        {
            clauses.Add("updated >= " + Quote(FormatDate(from, zone)));
        }
        else if (clauses.Count == 0)
        {
            // Cloud refuses unbounded JQL; this bound keeps every issue.
            clauses.Add("created >= " + Quote("1970/01/01 00:00"));
        }

        return string.Join(" AND ", clauses) + " ORDER BY updated ASC, key ASC";
    }

    /// <summary>
    /// Every issue of the connection's scope, with no date bound, ordered by creation so issues created while paging
    /// come last: what the deletion sweep lists.
    /// </summary>
    public static string Sweep(JiraConnectionSettings settings)
    {
        var clauses = ScopeClauses(settings);
        if (clauses.Count == 0)
        {
            clauses.Add("created >= " + Quote("1970/01/01 00:00"));
        }

        return string.Join(" AND ", clauses) + " ORDER BY created ASC, key ASC";
    }

    /// <summary>The issues of a JQL-defined team (the user's JQL, kept in parentheses) within the connection's scope.</summary>
    public static string Within(JiraConnectionSettings settings, string jql, string? issueId = null)
    {
        var clauses = ScopeClauses(settings);
        clauses.Insert(0, "(" + StripOrderBy(jql) + ")");
        if (issueId is not null)
        {
            clauses.Add("id = " + Quote(issueId));
        }

        return string.Join(" AND ", clauses);
    }

    /// <summary>An instant as a JQL date literal in <paramref name="zone"/> (minute resolution, floored).</summary>
    public static string FormatDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(DateFormat, CultureInfo.InvariantCulture);

    private static List<string> ScopeClauses(JiraConnectionSettings settings)
    {
        var clauses = new List<string>();
        AddIn(clauses, "project", settings.Projects);
        AddIn(clauses, "issuetype", settings.IssueTypes);
        AddIn(clauses, "labels", settings.Labels);
        return clauses;
    }

    private static string StripOrderBy(string jql)
    {
        var at = jql.LastIndexOf("ORDER BY", StringComparison.OrdinalIgnoreCase);
        return (at < 0 ? jql : jql[..at]).Trim();
    }

    private static void AddIn(List<string> clauses, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var builder = new StringBuilder(field).Append(" in (");
        builder.AppendJoin(", ", values.Select(Quote));
        clauses.Add(builder.Append(')').ToString());
    }
}
