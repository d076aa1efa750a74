using System.Globalization;
using System.Text.Json;

namespace BacklogInsight.Api.Tests.Jira.Fake;

/// <summary>Writes the fake site's records in the documented Jira Cloud shapes.</summary>
internal static class FakeJiraJson
{
    private static readonly (string Id, string Name, string? Custom)[] FieldList =
    [
        ("summary", "Summary", null), ("issuetype", "Issue Type", null), ("parent", "Parent", null), ("project", "Project", null),
        ("status", "Status", null), ("assignee", "Assignee", null), ("reporter", "Reporter", null), ("creator", "Creator", null),
        ("created", "Created", null), ("updated", "Updated", null), ("labels", "Labels", null), ("comment", "Comment", null),
        ("customfield_10001", "Team", "com.atlassian.teams:rm-teams-custom-field-team"),
        ("customfield_10014", "Epic Link", "com.pyxis.greenhopper.jira:gh-epic-link"),
        ("customfield_10015", "Start date", "com.atlassian.jira.plugin.system.customfieldtypes:datepicker"),
        (FakeJiraSite.StoryPointField, "Story point estimate", "com.pyxis.greenhopper.jira:jsw-story-points"),
        (FakeJiraSite.RankField, "Rank", "com.pyxis.greenhopper.jira:gh-lexo-rank"),
        (FakeJiraSite.SprintField, "Sprint", "com.pyxis.greenhopper.jira:gh-sprint"),
        ("customfield_10028", "Story Points", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
        ("customfield_10045", "Acceptance Criteria", "com.atlassian.jira.plugin.system.customfieldtypes:textarea"),
    ];

    public static void Fields(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var (id, name, custom) in FieldList)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("key", id);
            w.WriteString("name", name);
            if (custom is not null)
            {
                w.WriteString("untranslatedName", name);
            }

            w.WriteBoolean("custom", custom is not null);
            w.WriteBoolean("navigable", true);
            w.WriteBoolean("searchable", true);
            w.WriteStartObject("schema");
            w.WriteString("type", id == FakeJiraSite.SprintField ? "array" : "any");
            if (custom is null)
            {
                w.WriteString("system", id);
            }
            else
            {
                w.WriteString("custom", custom);
                w.WriteNumber("customId", long.Parse(id.AsSpan("customfield_".Length), CultureInfo.InvariantCulture));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void PageBean(Utf8JsonWriter w, int startAt, int maxResults, int total, Action<int> item)
    {
        var end = Math.Min(total, startAt + maxResults);
        w.WriteStartObject();
        w.WriteNumber("startAt", startAt);
        w.WriteNumber("maxResults", maxResults);
        w.WriteNumber("total", total);
        w.WriteBoolean("isLast", end >= total);
        w.WriteStartArray("values");
        for (var i = startAt; i < end; i++)
        {
            item(i);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Project(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", FakeJiraSite.ProjectId);
        w.WriteString("key", FakeJiraSite.ProjectKey);
        w.WriteString("name", "Payments");
        w.WriteString("projectTypeKey", "software");
        w.WriteString("style", "classic");
        w.WritePropertyName("lead");
        Person(w, FakeJiraSite.Lead);
        w.WriteEndObject();
    }

    public static void Board(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("id", FakeJiraSite.BoardId);
        w.WriteString("name", "PAY board");
        w.WriteString("type", "scrum");
        w.WriteStartObject("location");
        w.WriteNumber("projectId", long.Parse(FakeJiraSite.ProjectId, CultureInfo.InvariantCulture));
        w.WriteString("projectKey", FakeJiraSite.ProjectKey);
        w.WriteString("projectName", "Payments");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Sprint(Utf8JsonWriter w, FakeSprint sprint)
    {
        w.WriteStartObject();
        w.WriteNumber("id", sprint.Id);
        w.WriteString("name", sprint.Name);
        w.WriteString("state", sprint.State);
        w.WriteString("startDate", sprint.Start.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("endDate", sprint.End.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (sprint.State == "closed")
        {
            w.WriteString("completeDate", sprint.End.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        w.WriteNumber("originBoardId", FakeJiraSite.BoardId);
        w.WriteNumber("boardId", FakeJiraSite.BoardId);
        w.WriteString("goal", string.Empty);
        w.WriteEndObject();
    }

    public static void Person(Utf8JsonWriter w, string accountId) =>
        User(w, accountId, accountId == FakeJiraSite.Bot ? "Automation for Jira" : "Person " + accountId, accountType: accountId == FakeJiraSite.Bot ? "app" : "atlassian");

    public static void User(Utf8JsonWriter w, string accountId, string displayName, string accountType = "atlassian", string? timeZone = null)
    {
        w.WriteStartObject();
        w.WriteString("accountId", accountId);
        w.WriteString("accountType", accountType);
        w.WriteString("displayName", displayName);
        w.WriteBoolean("active", true);
        if (timeZone is not null)
        {
            w.WriteString("timeZone", timeZone);
        }

        w.WriteEndObject();
    }

    public static void Errors(Utf8JsonWriter w, string message)
    {
        w.WriteStartObject();
        w.WriteStartArray("errorMessages");
        w.WriteStringValue(message);
        w.WriteEndArray();
        w.WriteStartObject("errors");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Issue(Utf8JsonWriter w, Uri baseUrl, FakeJiraSite site, FakeIssue issue, IReadOnlySet<string> fields, bool changelog)
    {
        var all = fields.Contains("*all") || fields.Contains("*navigable");
        bool Wants(string field) => all || fields.Contains(field);
        w.WriteStartObject();
        w.WriteString("id", issue.Id);
        w.WriteString("key", issue.Key);
        w.WriteString("self", $"{baseUrl}rest/api/3/issue/{issue.Id}");
        w.WriteStartObject("fields");
        if (Wants("summary"))
        {
            w.WriteString("summary", $"{issue.Type} {issue.Key}: refunds from the order screen");
        }

        if (Wants("issuetype"))
        {
            w.WriteStartObject("issuetype");
            w.WriteString("name", issue.Type);
            w.WriteBoolean("subtask", false);
            w.WriteNumber("hierarchyLevel", issue.Type == "Epic" ? 1 : 0);
            w.WriteEndObject();
        }

        if (Wants("parent") && issue.ParentId is not null)
        {
            w.WriteStartObject("parent");
            w.WriteString("id", issue.ParentId);
            w.WriteString("key", $"{FakeJiraSite.ProjectKey}-{int.Parse(issue.ParentId, CultureInfo.InvariantCulture) - 10000}");
            w.WriteEndObject();
        }

        if (Wants("project"))
        {
            w.WriteStartObject("project");
            w.WriteString("id", FakeJiraSite.ProjectId);
            w.WriteString("key", FakeJiraSite.ProjectKey);
            w.WriteString("name", "Payments");
            w.WriteEndObject();
        }

        if (Wants("status"))
        {
            var (id, name, category) = FakeJiraSite.Statuses[issue.StatusIndex];
            w.WriteStartObject("status");
            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteStartObject("statusCategory");
            w.WriteString("key", category);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        foreach (var (field, person) in new[] { ("assignee", issue.Assignee), ("reporter", issue.Reporter), ("creator", issue.Reporter) })
        {
            if (Wants(field))
            {
                w.WritePropertyName(field);
                Person(w, person);
            }
        }

        if (Wants("created"))
        {
            w.WriteString("created", Date(issue.Created, site.Zone));
        }

        if (Wants("updated"))
        {
            w.WriteString("updated", Date(issue.Updated, site.Zone));
        }

        if (Wants("labels"))
        {
            w.WriteStartArray("labels");
            w.WriteStringValue("payments");
            w.WriteEndArray();
        }

        if (Wants(FakeJiraSite.SprintField))
        {
            w.WriteStartArray(FakeJiraSite.SprintField);
            if (issue.SprintId is { } sprintId)
            {
                Sprint(w, site.Sprints.Single(s => s.Id == sprintId));
            }

            w.WriteEndArray();
        }

        if (Wants("comment"))
        {
            w.WritePropertyName("comment");
            CommentPage(w, issue, 0, site.Options.InlineComments, site.Zone);
        }

        w.WriteEndObject();
        if (changelog)
        {
            // Like GET issue?expand=changelog: the newest histories, newest first, and the total.
            w.WriteStartObject("changelog");
            w.WriteNumber("startAt", 0);
            w.WriteNumber("maxResults", site.Options.InlineHistories);
            w.WriteNumber("total", issue.Histories.Count);
            w.WriteStartArray("histories");
            for (var i = issue.Histories.Count - 1; i >= Math.Max(0, issue.Histories.Count - site.Options.InlineHistories); i--)
            {
                History(w, issue.Histories[i], site.Zone);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary><c>GET issue/{key}/changelog</c>: a PageBean, oldest first.</summary>
    public static void ChangelogPage(Utf8JsonWriter w, Uri baseUrl, FakeIssue issue, int startAt, int maxResults)
    {
        var total = issue.Histories.Count;
        var end = Math.Min(total, startAt + maxResults);
        w.WriteStartObject();
        w.WriteString("self", $"{baseUrl}rest/api/3/issue/{issue.Key}/changelog?maxResults={maxResults}&startAt={startAt}");
        if (end < total)
        {
            w.WriteString("nextPage", $"{baseUrl}rest/api/3/issue/{issue.Key}/changelog?maxResults={maxResults}&startAt={end}");
        }

        w.WriteNumber("maxResults", maxResults);
        w.WriteNumber("startAt", startAt);
        w.WriteNumber("total", total);
        w.WriteBoolean("isLast", end >= total);
        w.WriteStartArray("values");
        for (var i = startAt; i < end; i++)
        {
            History(w, issue.Histories[i], TimeZoneInfo.Utc);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>GET issue/{key}/comment</c> (and the embedded <c>comment</c> field): legacy offset page, oldest first, no isLast.</summary>
    public static void CommentPage(Utf8JsonWriter w, FakeIssue issue, int startAt, int maxResults, TimeZoneInfo? zone = null)
    {
        var total = issue.Comments.Count;
        var end = Math.Min(total, startAt + maxResults);
        w.WriteStartObject();
        w.WriteNumber("startAt", startAt);
        w.WriteNumber("maxResults", maxResults);
        w.WriteNumber("total", total);
        w.WriteStartArray("comments");
        for (var i = startAt; i < end; i++)
        {
            var comment = issue.Comments[i];
            w.WriteStartObject();
            w.WriteString("id", comment.Id);
            w.WritePropertyName("author");
            Person(w, comment.Author);
            w.WriteStartObject("body");
            w.WriteString("type", "doc");
            w.WriteNumber("version", 1);
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "paragraph");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", comment.Text);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("created", Date(comment.Created, zone ?? TimeZoneInfo.Utc));
            w.WriteString("updated", Date(comment.Created, zone ?? TimeZoneInfo.Utc));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void History(Utf8JsonWriter w, FakeHistory history, TimeZoneInfo zone)
    {
        w.WriteStartObject();
        w.WriteString("id", history.Id);
        w.WritePropertyName("author");
        Person(w, history.Author);
        w.WriteString("created", Date(history.Created, zone));
        w.WriteStartArray("items");
        foreach (var item in history.Items)
        {
            w.WriteStartObject();
            w.WriteString("field", item.Field);
            w.WriteString("fieldtype", item.FieldType);
            if (item.FieldId is not null)
            {
                w.WriteString("fieldId", item.FieldId);
            }

            w.WriteString("from", item.From);
            w.WriteString("fromString", item.FromString);
            w.WriteString("to", item.To);
            w.WriteString("toString", item.ToText);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Jira's form: milliseconds and an offset without a colon (<c>2024-01-15T10:30:00.000+0100</c>), in <paramref name="zone"/>.</summary>
    private static string Date(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd'T'HH:mm:ss.fff}{sign}{offset.Hours:00}{offset.Minutes:00}");
    }
}
