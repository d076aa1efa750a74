using System.Globalization;
using System.Text.Json;
using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Maps Azure DevOps wire records to the Domain model of one connection.</summary>
public sealed class AzureDevOpsMapper(Connection connection)
{
    /// <summary>A comment and the <c>System.History</c> of the update that added it are this close apart at most.</summary>
    private static readonly TimeSpan CommentEchoWindow = TimeSpan.FromSeconds(2);

    /// <summary>Fields every revision changes, or that process rules set alongside another change: not an action of their own.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Id", "System.Rev", "System.RevisedDate", "System.ChangedDate", "System.ChangedBy", "System.AuthorizedDate",
        "System.AuthorizedAs", "System.Watermark", "System.PersonId", "System.AreaId", "System.IterationId", "System.NodeName",
        "System.TeamProject", "System.CommentCount", "System.CreatedDate", "System.CreatedBy", "System.BoardColumnDone",
        "Microsoft.VSTS.Common.StateChangeDate", "Microsoft.VSTS.Common.ActivatedDate", "Microsoft.VSTS.Common.ActivatedBy",
        "Microsoft.VSTS.Common.ResolvedDate", "Microsoft.VSTS.Common.ResolvedBy", "Microsoft.VSTS.Common.ClosedDate",
        "Microsoft.VSTS.Common.ClosedBy",
    };

    private static readonly HashSet<string> HtmlFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Description", "Microsoft.VSTS.Common.AcceptanceCriteria", "Microsoft.VSTS.TCM.ReproSteps", "System.History",
    };

    private readonly string _base = (connection.BaseUrl ?? string.Empty).TrimEnd('/');

    /// <summary>The work item as it is now.</summary>
    public WorkItem ToWorkItem(AdoWorkItem item, AzureDevOpsProjectContext context)
    {
        var fields = item.Fields;
        var id = item.Id.ToString(CultureInfo.InvariantCulture);
        var type = AdoValue.Text(fields, "System.WorkItemType");
        var state = AdoValue.Text(fields, "System.State");
        var project = AdoValue.Text(fields, "System.TeamProject");
        var labels = Tags(AdoValue.Text(fields, "System.Tags"));
        var parent = AdoValue.Int(fields, "System.Parent")?.ToString(CultureInfo.InvariantCulture)
            ?? item.Relations?.FirstOrDefault(r => r.Rel == "System.LinkTypes.Hierarchy-Reverse")?.TargetId;
        return new WorkItem
        {
            ConnectionId = connection.Id,
            SourceId = id,
            Key = id,
            Type = type ?? "Unknown",
            HierarchyLevel = context.LevelOf(type),
            Title = AdoValue.Text(fields, "System.Title") ?? string.Empty,
            Status = state ?? "Unknown",
            StatusCategory = context.CategoryOf(type, state),
            TeamSourceId = context.TeamOf(project, AdoValue.Text(fields, "System.AreaPath"), type, labels),
            AssigneeSourceId = Identity(fields, "System.AssignedTo"),
            ReporterSourceId = Identity(fields, "System.CreatedBy"),
            ParentSourceId = parent,
            SprintSourceId = context.SprintOf(AdoValue.Text(fields, "System.IterationPath")),
            Labels = labels,
            CreatedAt = Date(fields, "System.CreatedDate") ?? default,
            UpdatedAt = Date(fields, "System.ChangedDate") ?? default,
            Url = project is null ? null : $"{_base}/{Uri.EscapeDataString(project)}/_workitems/edit/{id}",
        };
    }

    /// <summary>
    /// The creation, each changed field, link and <c>System.History</c> comment of every update, and every comment,
    /// oldest first. A history entry that a comment of the comments API repeats is left out, so a comment counts once.
    /// </summary>
    public List<Activity> ToActivities(AdoWorkItem item, IReadOnlyList<AdoWorkItemUpdate> updates, IReadOnlyList<AdoComment>? comments)
    {
        var id = item.Id.ToString(CultureInfo.InvariantCulture);
        var activities = new List<Activity>
        {
            new()
            {
                ConnectionId = connection.Id,
                SourceKey = "cr" + id,
                WorkItemSourceId = id,
                ActorSourceId = Identity(item.Fields, "System.CreatedBy"),
                OccurredAt = Date(item.Fields, "System.CreatedDate") ?? default,
                Kind = ActivityKind.Created,
                Text = Activity.Excerpt(CreatedTitle(item, updates)),
            },
        };
        var itemChanged = Date(item.Fields, "System.ChangedDate") ?? default;
        foreach (var update in updates.OrderBy(u => u.Id))
        {
            AddActivities(activities, id, update, itemChanged, comments ?? []);
        }

        activities.AddRange((comments ?? []).Where(c => c.Key is not null).Select(c => new Activity
        {
            ConnectionId = connection.Id,
            SourceKey = string.Create(CultureInfo.InvariantCulture, $"c{id}-{c.Key}"),
            WorkItemSourceId = id,
            ActorSourceId = AdoIdentity.From(c.CreatedBy)?.Key,
            OccurredAt = c.CreatedDate.ToUniversalTime(),
            Kind = ActivityKind.Commented,
            Text = Activity.Excerpt(HtmlText.ToPlainText(c.Text)),
        }));
        return activities;
    }

    /// <summary>
    /// The title the item was created with: the first revision's, so a crawl that reads the item after a rename stores
    /// the same text as one that read it before; the current title only when the first revision does not say.
    /// </summary>
    private static string? CreatedTitle(AdoWorkItem item, IReadOnlyList<AdoWorkItemUpdate> updates) =>
        AdoValue.Text(updates.FirstOrDefault(u => u.Rev == 1)?.Fields?.GetValueOrDefault("System.Title")?.NewValue)
        ?? AdoValue.Text(item.Fields, "System.Title");

    /// <summary>A person from an identity reference; null for groups and empty references.</summary>
    public Person? ToPerson(AdoIdentity? identity) => identity?.Key is not { } key || identity.IsContainer
        ? null
        : new Person
        {
            ConnectionId = connection.Id,
            SourceId = key,
            DisplayName = identity.DisplayName ?? key,
            IsBot = IsServiceAccount(identity),
        };

    /// <summary>A team of a configured team mapping; its owner is not known from Azure DevOps.</summary>
    public Team ToTeam(AzureDevOpsTeamRule rule) => new()
    {
        ConnectionId = connection.Id,
        SourceId = rule.TeamId,
        Name = rule.Team,
    };

    /// <summary>A team, owned by its first administrator when known.</summary>
    public Team ToTeam(AdoTeam team, string? ownerSourceId) => new()
    {
        ConnectionId = connection.Id,
        SourceId = team.Id,
        Name = team.Name,
        OwnerSourceId = ownerSourceId,
    };

    /// <summary>
    /// An iteration as a sprint of a team: its state is the server's time frame (past, current, future) when given,
    /// else worked out from its dates.
    /// </summary>
    public Sprint ToSprint(AdoIteration iteration, string teamId, DateTimeOffset now)
    {
        var start = iteration.Attributes?.StartDate?.ToUniversalTime();
        var finish = iteration.Attributes?.FinishDate?.ToUniversalTime();
        var byDates = start is null || now < start ? "future" : finish is { } end && now >= end.AddDays(1) ? "closed" : "active";
        return new Sprint
        {
            ConnectionId = connection.Id,
            SourceId = iteration.Id,
            TeamSourceId = teamId,
            Name = iteration.Name ?? iteration.Path ?? iteration.Id,
            State = iteration.Attributes?.TimeFrameName switch
            {
                "past" => "closed",
                "current" => "active",
                "future" => "future",
                _ => byDates,
            },
            StartsAt = start,
            EndsAt = finish,
        };
    }

    /// <summary>True for build services, service principals and other service identities.</summary>
    public static bool IsServiceAccount(AdoIdentity identity) =>
        identity.Descriptor?.Split('.')[0] is "svc" or "s2s" or "aadsp" or "bnd"
        || identity.DisplayName?.Contains("Build Service", StringComparison.OrdinalIgnoreCase) == true
        || identity.DisplayName?.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) == true
        || identity.UniqueName?.StartsWith("Build\\", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Adds the activities of one update to <paramref name="into"/> (no iterator per update: there are hundreds of thousands).</summary>
    private void AddActivities(List<Activity> into, string id, AdoWorkItemUpdate update, DateTimeOffset itemChanged, IReadOnlyList<AdoComment> comments)
    {
        var fields = update.Fields ?? [];
        var at = AdoValue.Date(fields.GetValueOrDefault("System.ChangedDate")?.NewValue) ?? AdoValue.Date(update.RevisedDate) ?? itemChanged;
        var actor = AdoIdentity.From(update.RevisedBy)?.Key ?? AdoIdentity.From(fields.GetValueOrDefault("System.ChangedBy")?.NewValue)?.Key;
        var creation = fields.TryGetValue("System.Rev", out var rev) && rev.OldValue is null or { Kind: JsonValueKind.Null };
        var relations = update.Relations;
        var parentLinked = relations is not null && (relations.Added.Exists(IsParentLink) || relations.Removed.Exists(IsParentLink));
        var index = 0;
        Activity New(ActivityKind kind, string? sourceField, string? from, string? to, string? text) => new()
        {
            ConnectionId = connection.Id,
            SourceKey = string.Create(CultureInfo.InvariantCulture, $"u{id}-{update.Id}-{index++}"),
            WorkItemSourceId = id,
            ActorSourceId = actor,
            OccurredAt = at,
            Kind = kind,
            Field = kind == ActivityKind.Commented ? CanonicalField.Other : FieldCatalogue.FromSourceName(sourceField),
            SourceField = kind == ActivityKind.Commented ? null : sourceField,
            From = Activity.Excerpt(from),
            To = Activity.Excerpt(to),
            Text = Activity.Excerpt(text),
        };

        foreach (var (name, change) in fields)
        {
            var from = AdoValue.Text(change.OldValue);
            var to = AdoValue.Text(change.NewValue);
            if (name == "System.History")
            {
                if (HtmlText.ToPlainText(to) is { } comment && !comments.Any(c => IsEcho(c, actor, at)))
                {
                    into.Add(New(ActivityKind.Commented, null, null, null, comment));
                }

                continue;
            }

            if (creation || Bookkeeping.Contains(name) || (from is null && to is null) || from == to
                || (name == "System.Reason" && fields.ContainsKey("System.State"))
                || (name == "System.Parent" && parentLinked))
            {
                continue;
            }

            var kind = name == "System.State" ? ActivityKind.Transitioned : ActivityKind.FieldChanged;
            if (HtmlFields.Contains(name))
            {
                // Descriptions, acceptance criteria and repro steps are HTML: stored and classified as plain text.
                var text = HtmlText.ToPlainText(to);
                into.Add(New(kind, name, HtmlText.ToPlainText(from), text, text));
                continue;
            }

            into.Add(New(kind, name, from, to, null));
        }

        if (relations is null)
        {
            return;
        }

        foreach (var relation in relations.Added)
        {
            if (relation.Rel is not (null or "AttachedFile"))
            {
                into.Add(New(ActivityKind.Linked, relation.Rel, null, relation.TargetId ?? relation.Url, null));
            }
        }

        foreach (var relation in relations.Removed)
        {
            if (relation.Rel is not (null or "AttachedFile"))
            {
                into.Add(New(ActivityKind.Linked, relation.Rel, relation.TargetId ?? relation.Url, null, null));
            }
        }
    }

    private static bool IsParentLink(AdoRelation relation) => relation.Rel == "System.LinkTypes.Hierarchy-Reverse";

    private static bool IsEcho(AdoComment comment, string? actor, DateTimeOffset at) =>
        (comment.CreatedDate - at).Duration() <= CommentEchoWindow
        && (actor is null || AdoIdentity.From(comment.CreatedBy)?.Key is not { } author || author == actor);

    private static string? Identity(Dictionary<string, AdoFieldValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? AdoIdentity.From(value)?.Key : null;

    private static DateTimeOffset? Date(Dictionary<string, AdoFieldValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? AdoValue.Date(value) : null;

    private static IReadOnlyList<string> Tags(string? tags) =>
        tags is null ? [] : [.. tags.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
