using System.Globalization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>
/// Records the history of one work item in time order and keeps the item's current state in step with it.
/// Anything at or after the anchor is dropped, and so is everything after it, so the item is as it is "now".
/// Unfinished items in a closed sprint are carried to the next sprint by the automation account.
/// </summary>
internal sealed class SampleItemBuilder(SampleContext context, WorkItem item, IReadOnlyList<Sprint> sprints)
{
    private bool _closed;
    private bool _created;
    private int _sprintIndex = -1;
    private long _timeSpent;
    private DateTimeOffset _last = context.WindowStart;

    public WorkItem Item => item;

    public bool Exists => _created && !_closed;

    public DateTimeOffset Last => _last;

    public int SprintIndex => _sprintIndex;

    public bool Create(DateTimeOffset at, Person actor)
    {
        if (!TryTime(ref at))
        {
            return false;
        }

        _created = true;
        item.CreatedAt = at;
        item.ReporterSourceId = actor.SourceId;
        item.Status = SampleStatuses.ToDo;
        item.StatusCategory = StatusCategory.ToDo;
        context.Items.Add(item);
        Add(at, actor, ActivityKind.Created, string.Concat("cr", item.SourceId));
        return true;
    }

    public bool Change(DateTimeOffset at, Person actor, CanonicalField field, string sourceField, string? from, string? to, string? text = null)
    {
        if (!Ready(ref at))
        {
            return false;
        }

        Add(at, actor, ActivityKind.FieldChanged, context.NextHistoryKey(), field, sourceField, from, to, text);
        return true;
    }

    public bool Transition(DateTimeOffset at, Person actor, string to, string? text = null)
    {
        if (!Ready(ref at))
        {
            return false;
        }

        Add(at, actor, ActivityKind.Transitioned, context.NextHistoryKey(), CanonicalField.Status, "status", item.Status, to, text);
        item.Status = to;
        item.StatusCategory = SampleStatuses.Category(to);
        return true;
    }

    public bool Comment(DateTimeOffset at, Person actor, string text)
    {
        if (!Ready(ref at))
        {
            return false;
        }

        Add(at, actor, ActivityKind.Commented, context.NextCommentKey(), text: text);
        return true;
    }

    public bool Link(DateTimeOffset at, Person actor, string sourceField, string to)
    {
        if (!Ready(ref at))
        {
            return false;
        }

        Add(at, actor, ActivityKind.Linked, context.NextHistoryKey(), CanonicalField.Link, sourceField, null, to);
        return true;
    }

    public bool LogWork(DateTimeOffset at, Person actor, int minutes, string text)
    {
        if (!Ready(ref at))
        {
            return false;
        }

        var before = _timeSpent;
        _timeSpent += minutes * 60L;
        Add(at, actor, ActivityKind.WorkLogged, context.NextWorklogKey(), CanonicalField.TimeSpent, "timespent",
            before == 0 ? null : before.ToString(CultureInfo.InvariantCulture),
            _timeSpent.ToString(CultureInfo.InvariantCulture), text);
        return true;
    }

    /// <summary>Puts the item in sprint <paramref name="index"/> of the team, or takes it out with -1.</summary>
    public bool SetSprint(DateTimeOffset at, Person actor, int index, string? text = null)
    {
        if (!Ready(ref at))
        {
            return false;
        }

        MoveSprint(at, actor, index, text);
        return true;
    }

    public bool Assign(DateTimeOffset at, Person actor, Person assignee)
    {
        if (!Ready(ref at))
        {
            return false;
        }

        Add(at, actor, ActivityKind.FieldChanged, context.NextHistoryKey(), CanonicalField.Assignee, "assignee", null, assignee.DisplayName);
        item.AssigneeSourceId = assignee.SourceId;
        return true;
    }

    public bool AddLabel(DateTimeOffset at, Person actor, string label)
    {
        if (item.Labels.Contains(label) || !Ready(ref at))
        {
            return false;
        }

        var from = string.Join(' ', item.Labels);
        item.Labels = [.. item.Labels, label];
        Add(at, actor, ActivityKind.FieldChanged, context.NextHistoryKey(), CanonicalField.Labels, "labels",
            from.Length == 0 ? null : from, string.Join(' ', item.Labels));
        return true;
    }

    public bool Rank(DateTimeOffset at, Person actor, bool higher) =>
        Change(at, actor, CanonicalField.Rank, "Rank", null, higher ? "Ranked higher" : "Ranked lower");

    private void MoveSprint(DateTimeOffset at, Person actor, int index, string? text)
    {
        var from = _sprintIndex >= 0 ? sprints[_sprintIndex].Name : null;
        var to = index >= 0 ? sprints[index].Name : null;
        Add(at, actor, ActivityKind.FieldChanged, context.NextHistoryKey(), CanonicalField.Sprint, "Sprint", from, to, text);
        _sprintIndex = index;
        item.SprintSourceId = index >= 0 ? sprints[index].SourceId : null;
    }

    private bool Ready(ref DateTimeOffset at) => _created && TryTime(ref at);

    private bool TryTime(ref DateTimeOffset at)
    {
        if (_closed)
        {
            return false;
        }

        CarryOver(at);
        if (_closed)
        {
            return false;
        }

        if (at <= _last)
        {
            at = _last.AddSeconds(context.Random.Next(1, 120));
        }

        if (at > context.Now)
        {
            _closed = true;
            return false;
        }

        return true;
    }

    /// <summary>Sprint-close automation: an unfinished item follows its closed sprint into the next one.</summary>
    private void CarryOver(DateTimeOffset at)
    {
        while (_sprintIndex >= 0 && _sprintIndex < sprints.Count - 1
            && item.StatusCategory != StatusCategory.Done
            && sprints[_sprintIndex].EndsAt is { } end && at > end)
        {
            var closeAt = end > _last ? end : _last.AddSeconds(1);
            if (closeAt > context.Now)
            {
                _closed = true;
                return;
            }

            MoveSprint(closeAt, context.Bot, _sprintIndex + 1, null);
        }
    }

    private void Add(
        DateTimeOffset at, Person actor, ActivityKind kind, string key, CanonicalField field = CanonicalField.Other,
        string? sourceField = null, string? from = null, string? to = null, string? text = null)
    {
        context.Activities.Add(new Activity
        {
            ConnectionId = context.ConnectionId,
            SourceKey = key,
            WorkItemSourceId = item.SourceId,
            ActorSourceId = actor.SourceId,
            OccurredAt = at,
            Kind = kind,
            Field = field,
            SourceField = sourceField,
            From = from,
            To = to,
            Text = Activity.Excerpt(text),
        });
        _last = at;
        item.UpdatedAt = at;
    }
}
