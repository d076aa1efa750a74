using System.Globalization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Jira;

/// <summary>Maps Jira wire records to the Domain model of one connection.</summary>
public sealed class JiraMapper(Connection connection, JiraFieldMap fieldMap)
{
    /// <summary>Two histories this close apart with the same parent are one parent change written twice (Cloud).</summary>
    private static readonly TimeSpan ParentEchoWindow = TimeSpan.FromSeconds(2);

    private readonly string _browseBase = (connection.BaseUrl ?? string.Empty).TrimEnd('/') + "/browse/";

    /// <summary>The issue as it is now.</summary>
    public WorkItem ToWorkItem(JiraIssue issue, string? teamSourceId)
    {
        var fields = issue.Fields;
        return new WorkItem
        {
            ConnectionId = connection.Id,
            SourceId = issue.Id,
            Key = issue.Key,
            Type = fields.IssueType?.Name ?? "Unknown",
            HierarchyLevel = HierarchyLevel(fields.IssueType),
            Title = fields.Summary ?? string.Empty,
            Status = fields.Status?.Name ?? "Unknown",
            StatusCategory = ToCategory(fields.Status?.StatusCategory?.Key),
            TeamSourceId = teamSourceId,
            AssigneeSourceId = fields.Assignee?.Id,
            ReporterSourceId = fields.Reporter?.Id,
            ParentSourceId = fields.Parent?.Id,
            SprintSourceId = JiraSprintFieldParser.Current(Sprints(issue))?.Id.ToString(CultureInfo.InvariantCulture),
            Labels = fields.Labels ?? [],
            CreatedAt = fields.Created.ToUniversalTime(),
            UpdatedAt = fields.Updated.ToUniversalTime(),
            Url = _browseBase + issue.Key,
        };
    }

    /// <summary>The sprints in the issue's Sprint field (whatever its id on this site), in either form.</summary>
    public IReadOnlyList<JiraSprint> Sprints(JiraIssue issue) =>
        fieldMap.Sprint is { } id && issue.Fields.Custom?.TryGetValue(id, out var value) == true
            ? JiraSprintFieldParser.Parse(value, JiraJson.Options)
            : [];

    /// <summary>The creation, every changelog item and every comment of an issue, oldest first.</summary>
    public List<Activity> ToActivities(JiraIssue issue, IEnumerable<JiraHistory> histories, IEnumerable<JiraComment> comments)
    {
        var activities = new List<Activity>
        {
            new()
            {
                ConnectionId = connection.Id,
                SourceKey = "cr" + issue.Id,
                WorkItemSourceId = issue.Id,
                ActorSourceId = (issue.Fields.Creator ?? issue.Fields.Reporter)?.Id,
                OccurredAt = issue.Fields.Created.ToUniversalTime(),
                Kind = ActivityKind.Created,
                Text = Activity.Excerpt(issue.Fields.Summary),
            },
        };
        var ordered = histories.OrderBy(h => h.Created).ThenBy(h => h.Id, StringComparer.Ordinal).ToList();
        foreach (var history in ordered)
        {
            for (var index = 0; index < history.Items.Count; index++)
            {
                var item = history.Items[index];
                if (!IsParentEcho(item, history, ordered))
                {
                    activities.Add(ToActivity(issue.Id, history, item, index));
                }
            }
        }

        activities.AddRange(comments.Select(c => ToActivity(issue.Id, c)));
        return activities;
    }

    /// <summary>A person from any user object Jira returned.</summary>
    public Person? ToPerson(JiraUser? user) => user?.Id is not { } id
        ? null
        : new Person
        {
            ConnectionId = connection.Id,
            SourceId = id,
            DisplayName = user.DisplayName ?? id,
            IsActive = user.Active,
            IsBot = string.Equals(user.AccountType, "app", StringComparison.OrdinalIgnoreCase),
        };

    /// <summary>A board as a team, owned by its project's lead when known.</summary>
    public Team ToTeam(JiraBoard board, string? ownerSourceId) => new()
    {
        ConnectionId = connection.Id,
        SourceId = board.Id.ToString(CultureInfo.InvariantCulture),
        Name = board.Name ?? board.Location?.ProjectName ?? $"Board {board.Id}",
        OwnerSourceId = ownerSourceId,
    };

    /// <summary>A team defined by rule in the connection's settings.</summary>
    public Team ToTeam(JiraTeamDefinition team, string? ownerSourceId) => new()
    {
        ConnectionId = connection.Id,
        SourceId = team.SourceId,
        Name = team.Name!,
        OwnerSourceId = ownerSourceId,
    };

    /// <summary>A sprint, owned by its origin board (else the board it was listed on).</summary>
    public Sprint ToSprint(JiraSprint sprint, long listedOnBoard) => new()
    {
        ConnectionId = connection.Id,
        SourceId = sprint.Id.ToString(CultureInfo.InvariantCulture),
        TeamSourceId = (sprint.OwnerBoardId ?? listedOnBoard).ToString(CultureInfo.InvariantCulture),
        Name = sprint.Name ?? $"Sprint {sprint.Id}",
        State = sprint.State?.ToLowerInvariant() ?? "future",
        StartsAt = sprint.StartDate?.ToUniversalTime(),
        EndsAt = (sprint.CompleteDate ?? sprint.EndDate)?.ToUniversalTime(),
        Goal = string.IsNullOrEmpty(sprint.Goal) ? null : sprint.Goal,
    };

    private Activity ToActivity(string issueId, JiraHistory history, JiraChangeItem item, int index)
    {
        var field = fieldMap.Resolve(item.FieldId, item.Field);
        var kind = item.Field switch
        {
            _ when field == CanonicalField.Status || item.FieldId == JiraFieldNames.Status => ActivityKind.Transitioned,
            JiraFieldNames.Link or JiraFieldNames.RemoteLink => ActivityKind.Linked,
            JiraFieldNames.TimeSpent => ActivityKind.WorkLogged,
            _ => ActivityKind.FieldChanged,
        };
        return new Activity
        {
            ConnectionId = connection.Id,
            SourceKey = string.Create(CultureInfo.InvariantCulture, $"h{history.Id}-{index}"),
            WorkItemSourceId = issueId,
            ActorSourceId = history.Author?.Id,
            OccurredAt = history.Created.ToUniversalTime(),
            Kind = kind,
            Field = field,
            SourceField = item.Field ?? item.FieldId,
            From = Activity.Excerpt(Display(item.FromString, item.From)),
            To = Activity.Excerpt(Display(item.ToText, item.To)),
        };
    }

    private Activity ToActivity(string issueId, JiraComment comment) => new()
    {
        ConnectionId = connection.Id,
        SourceKey = "c" + comment.Id,
        WorkItemSourceId = issueId,
        ActorSourceId = comment.Author?.Id,
        OccurredAt = comment.Created.ToUniversalTime(),
        Kind = ActivityKind.Commented,
        Text = Activity.Excerpt(AdfText.ToPlainText(comment.Body)),
    };

    /// <summary>
    /// Cloud writes one parent change twice, as <c>IssueParentAssociation</c> and as <c>Epic Link</c>, a few
    /// milliseconds apart; the Epic Link copy is dropped so the change counts once.
    /// </summary>
    private bool IsParentEcho(JiraChangeItem item, JiraHistory history, List<JiraHistory> all) =>
        item.Field != JiraFieldNames.ParentAssociation
        && fieldMap.Resolve(item.FieldId, item.Field) == CanonicalField.Parent
        && all.Any(other => other != history
            && (other.Created - history.Created).Duration() <= ParentEchoWindow
            && other.Items.Any(o => o.Field == JiraFieldNames.ParentAssociation && o.To == item.To));

    private static string? Display(string? text, string? raw) => string.IsNullOrEmpty(text) ? (string.IsNullOrEmpty(raw) ? null : raw) : text;

    private static int HierarchyLevel(JiraIssueType? type) => type switch
    {
        { HierarchyLevel: { } level } => level,
        { Subtask: true } => -1,
        { Name: "Epic" } => 1,
        _ => 0,
    };

    private static StatusCategory ToCategory(string? key) => key switch
    {
        "new" => StatusCategory.ToDo,
        "indeterminate" => StatusCategory.InProgress,
        "done" => StatusCategory.Done,
        _ => StatusCategory.Unknown,
    };
}
