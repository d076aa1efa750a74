using System.Runtime.CompilerServices;
using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// A Jira Cloud or Data Center site behind <see cref="IBacklogSource"/>: discovery of boards, sprints and people,
/// and an incremental, resumable read of changed issues with their complete changelogs and comments.
/// </summary>
public sealed partial class JiraSource(
    Connection connection,
    JiraClient client,
    JiraOptions options,
    ILogger<JiraSource> logger) : IBacklogSource, ISingleItemSource, IDeletionSweepSource
{
    /// <summary>Widened overlap when the user's zone is unknown: JQL may then be read up to 14 hours off UTC.</summary>
    private static readonly TimeSpan UnknownZoneSlack = TimeSpan.FromHours(14);

    internal static readonly string[] SearchFields =
        ["summary", "issuetype", "parent", "project", "status", "assignee", "reporter", "creator", "created", "updated", "labels", "comment"];

    private readonly JiraConnectionSettings _settings = client.Settings;
    private readonly Dictionary<string, string?> _boardOfProject = new(StringComparer.OrdinalIgnoreCase);

    public async Task<SourceCatalogue> DiscoverAsync(CancellationToken cancellationToken)
    {
        var before = client.Stats.Requests;
        var mapper = new JiraMapper(connection, JiraFieldMap.From([]));
        var projects = await client.GetProjectsAsync(cancellationToken);
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        AddPeople(people, projects.Select(p => mapper.ToPerson(p.Lead)));

        var boards = new Dictionary<long, JiraBoard>();
        IEnumerable<string?> scopes = _settings.Projects.Count == 0 ? [null] : projects.Select(p => (string?)p.Key);
        foreach (var scope in scopes)
        {
            foreach (var board in await client.GetBoardsAsync(scope, cancellationToken))
            {
                boards.TryAdd(board.Id, board);
            }
        }

        var teams = _settings.Teams.Count > 0
            ? _settings.Teams.Select(t => mapper.ToTeam(t, LeadOf(t, boards, projects))).ToList()
            : boards.Values.Where(IsTeamBoard).Select(b => mapper.ToTeam(b, LeadOf(b, projects))).ToList();
        var sprints = new Dictionary<long, Sprint>();
        foreach (var board in boards.Values.Where(b => b.Type is "scrum" or "simple"))
        {
            foreach (var sprint in await ReadSprintsAsync(board, cancellationToken))
            {
                sprints.TryAdd(sprint.Id, mapper.ToSprint(sprint, board.Id));
            }
        }

        if (options.DiscoverAllUsers)
        {
            AddPeople(people, (await ReadUsersAsync(cancellationToken)).Select(mapper.ToPerson));
        }

        return new SourceCatalogue
        {
            Teams = teams,
            People = [.. people.Values],
            Sprints = [.. sprints.Values],
            Requests = client.Stats.Requests - before,
        };
    }

    /// <exception cref="FormatException"><paramref name="since"/> was not written by the Jira source.</exception>
    public IAsyncEnumerable<ChangePage> ReadChangesAsync(SyncCheckpoint? since, CancellationToken cancellationToken)
    {
        // Parsed eagerly so a bad checkpoint fails at the call, not at the first MoveNextAsync.
        var from = since is null ? JiraCheckpoint.Empty : JiraCheckpoint.Parse(since);
        return ReadPagesAsync(from, cancellationToken);
    }

    private async IAsyncEnumerable<ChangePage> ReadPagesAsync(
        JiraCheckpoint checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = client.Stats.Requests;
        var retries = client.Stats.Retries;
        var (zone, slack) = await ResolveZoneAsync(cancellationToken);
        var siteFields = await client.GetFieldsAsync(cancellationToken);
        var fieldMap = JiraFieldMap.From(siteFields);
        var mapper = new JiraMapper(connection, fieldMap);
        var rules = await JiraTeamRules.CreateAsync(
            _settings, siteFields, (jql, ct) => ListIdsAsync(JiraJql.Within(_settings, jql), ct), cancellationToken);
        var jql = JiraJql.Search(_settings, checkpoint.Updated - options.IncrementalOverlap - slack, zone);
        var fields = SearchFields.Concat(fieldMap.SearchFields()).Concat(rules.SearchFields).Distinct().ToList();
        var readThisRun = new HashSet<(string, long)>();
        await foreach (var page in client.SearchAsync(jql, fields, cancellationToken))
        {
            var fresh = page.Issues
                .Where(i => !checkpoint.Covers(i, options.IncrementalOverlap))
                .Where(i => readThisRun.Add((i.Id, i.Fields.Updated.ToUnixTimeMilliseconds())))
                .ToList();
            var (changes, completedChangelogs) = await ToChangesAsync(fresh, mapper, rules, cancellationToken);
            var next = checkpoint.Advance(page.Issues, options.IncrementalOverlap);
            var nextValue = next.ToSyncCheckpoint();
            if (changes.Count == 0 && nextValue == checkpoint.ToSyncCheckpoint())
            {
                continue;
            }

            checkpoint = next;
            yield return new ChangePage
            {
                Changes = changes,
                Checkpoint = nextValue,
                Requests = client.Stats.Requests - requests,
                Retries = client.Stats.Retries - retries,
                ChangelogsCompleted = completedChangelogs,
            };
            requests = client.Stats.Requests;
            retries = client.Stats.Retries;
        }
    }

    /// <summary>Completes each issue's changelog and comments (bounded parallelism), then maps them; all or nothing.</summary>
    private async Task<(List<WorkItemChange> Changes, int ChangelogsCompleted)> ToChangesAsync(
        List<JiraIssue> issues, JiraMapper mapper, JiraTeamRules rules, CancellationToken cancellationToken)
    {
        var completed = new (IReadOnlyList<JiraHistory> Histories, IReadOnlyList<JiraComment> Comments)[issues.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, issues.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequestsPerConnection, CancellationToken = cancellationToken },
            async (index, ct) => completed[index] = await CompleteAsync(issues[index], ct));

        var changes = new List<WorkItemChange>(issues.Count);
        for (var i = 0; i < issues.Count; i++)
        {
            var issue = issues[i];
            var team = await TeamOfAsync(issue, mapper, rules, cancellationToken);
            changes.Add(new WorkItemChange(
                mapper.ToWorkItem(issue, team),
                mapper.ToActivities(issue, completed[i].Histories, completed[i].Comments)));
        }

        return (changes, issues.Count(i => i.Changelog is { } c && c.Total > c.Histories.Count));
    }

    private async Task<(IReadOnlyList<JiraHistory>, IReadOnlyList<JiraComment>)> CompleteAsync(JiraIssue issue, CancellationToken cancellationToken)
    {
        var histories = issue.Changelog?.Histories ?? [];
        if (issue.Changelog is { } changelog && changelog.Total > histories.Count)
        {
            histories = [.. histories, .. await client.GetMissingHistoriesAsync(issue, cancellationToken)];
            if (histories.Count < changelog.Total)
            {
                ChangelogIncomplete(logger, issue.Key, histories.Count, changelog.Total);
            }
        }

        // Search embeds at most ~20 comments, and some servers leave the field out: then the comment endpoint is read.
        var embedded = issue.Fields.Comment;
        var comments = embedded is not null && embedded.Total <= embedded.Comments.Count
            ? embedded.Comments
            : await client.GetCommentsAsync(issue.Key, cancellationToken);

        return (histories, comments);
    }

    /// <summary>The team of the first matching rule when teams are defined; else the issue's board, when that board is a team.</summary>
    private async Task<string?> TeamOfAsync(JiraIssue issue, JiraMapper mapper, JiraTeamRules rules, CancellationToken cancellationToken)
    {
        if (rules.Defined)
        {
            return await rules.TeamOfAsync(issue, () => BoardOfAsync(issue, mapper, cancellationToken));
        }

        var board = await BoardOfAsync(issue, mapper, cancellationToken);
        return board is null || _settings.Boards.Count == 0
            || _settings.Boards.Any(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture) == board)
            ? board
            : null;
    }

    private bool IsTeamBoard(JiraBoard board) => _settings.Boards.Count == 0 || _settings.Boards.Contains(board.Id);

    /// <summary>The board of the issue's current (else latest) sprint, else the first board of its project.</summary>
    private async Task<string?> BoardOfAsync(JiraIssue issue, JiraMapper mapper, CancellationToken cancellationToken)
    {
        var sprints = mapper.Sprints(issue);
        if ((JiraSprintFieldParser.Current(sprints) ?? sprints.LastOrDefault())?.OwnerBoardId is { } board)
        {
            return board.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (issue.Fields.Project?.Key is not { } project)
        {
            return null;
        }

        if (!_boardOfProject.TryGetValue(project, out var team))
        {
            var boards = await client.GetBoardsAsync(project, cancellationToken);
            team = boards.Count == 0 ? null : boards[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _boardOfProject[project] = team;
        }

        return team;
    }

    private async Task<(TimeZoneInfo Zone, TimeSpan Slack)> ResolveZoneAsync(CancellationToken cancellationToken)
    {
        var id = _settings.TimeZone ?? (await client.GetMyselfAsync(cancellationToken)).TimeZone;
        if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return (zone, TimeSpan.Zero);
        }

        UnknownTimeZone(logger, connection.Name, id);
        return (TimeZoneInfo.Utc, UnknownZoneSlack);
    }

    private async Task<IReadOnlyList<JiraSprint>> ReadSprintsAsync(JiraBoard board, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetSprintsAsync(board.Id, cancellationToken);
        }
        catch (JiraSourceException ex) when (ex.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            // Team-managed boards without the sprints feature answer 400 "does not support sprints".
            return [];
        }
    }

    private async Task<IReadOnlyList<JiraUser>> ReadUsersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetUsersAsync(cancellationToken);
        }
        catch (JiraSourceException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            UsersNotListed(logger, connection.Name, ex.Message);
            return [];
        }
    }

    /// <summary>A defined team is owned by its project's lead (project rule) or its board's project lead (board rule).</summary>
    private static string? LeadOf(JiraTeamDefinition team, Dictionary<long, JiraBoard> boards, IReadOnlyList<JiraProject> projects) => team switch
    {
        { Project: { } key } => projects.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))?.Lead?.Id,
        { Board: { } id } when boards.TryGetValue(id, out var board) => LeadOf(board, projects),
        _ => null,
    };

    private static string? LeadOf(JiraBoard board, IReadOnlyList<JiraProject> projects) =>
        projects.FirstOrDefault(p =>
            string.Equals(p.Key, board.Location?.ProjectKey, StringComparison.OrdinalIgnoreCase)
            || p.Id == board.Location?.ProjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Lead?.Id;

    private static void AddPeople(Dictionary<string, Person> people, IEnumerable<Person?> found)
    {
        foreach (var person in found)
        {
            if (person is not null)
            {
                people[person.SourceId] = person;
            }
        }
    }

    [LoggerMessage(3001, LogLevel.Warning, "Jira issue {Key}: only {Read} of {Total} change histories could be read")]
    private static partial void ChangelogIncomplete(ILogger logger, string key, int read, int total);

    [LoggerMessage(3002, LogLevel.Warning, "Jira connection {Connection}: time zone '{Zone}' unknown; JQL dates use UTC with a 14-hour wider overlap")]
    private static partial void UnknownTimeZone(ILogger logger, string connection, string? zone);

    [LoggerMessage(3003, LogLevel.Warning, "Jira connection {Connection}: the user list is not readable ({Reason}); people come from issues and project leads only")]
    private static partial void UsersNotListed(ILogger logger, string connection, string reason);
}
