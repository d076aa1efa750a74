using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Builds what the classifier needs to know about each activity of one work item: the item, the actor's relation
/// to it, and the item's status at the time of the activity (taxonomy §7: the status after the event), which is
/// the last transition's target up to then, or the first later transition's origin, or the item's status now.
/// </summary>
public static class ActivityContextFactory
{
    public static IReadOnlyList<ActivityContext> ForItem(
        string source, WorkItem item, IReadOnlyList<Activity> activities, Func<string?, Person?> findPerson)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(findPerson);
        var order = InTimeOrder(activities);
        var statusAfter = new string?[activities.Count];
        string? current = null;
        foreach (var i in order)
        {
            if (activities[i].Kind == ActivityKind.Transitioned && activities[i].To is { } to)
            {
                current = to;
            }

            statusAfter[i] = current;
        }

        string? upcoming = item.Status;
        for (var n = order.Length - 1; n >= 0; n--)
        {
            var i = order[n];
            if (activities[i].Kind == ActivityKind.Transitioned && activities[i].From is { } from)
            {
                upcoming = from;
            }

            statusAfter[i] ??= upcoming;
        }

        var contexts = new ActivityContext[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            contexts[i] = Create(source, item, activities[i], statusAfter[i], findPerson(activities[i].ActorSourceId));
        }

        return contexts;
    }

    /// <summary>The activities' indexes by time, then source key; a stable sort, skipped when they come in that order already (as sources read them).</summary>
    private static int[] InTimeOrder(IReadOnlyList<Activity> activities)
    {
        var order = new int[activities.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (var i = 1; i < order.Length; i++)
        {
            var byTime = activities[i - 1].OccurredAt.CompareTo(activities[i].OccurredAt);
            if (byTime > 0 || (byTime == 0 && StringComparer.Ordinal.Compare(activities[i - 1].SourceKey, activities[i].SourceKey) > 0))
            {
                return Enumerable.Range(0, activities.Count)
                    .OrderBy(n => activities[n].OccurredAt).ThenBy(n => activities[n].SourceKey, StringComparer.Ordinal).ToArray();
            }
        }

        return order;
    }

    public static ActivityContext Create(string source, WorkItem item, Activity activity, string? status, Person? actor)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(activity);
        var actorId = activity.ActorSourceId;
        return new ActivityContext
        {
            Source = source,
            ItemType = item.Type,
            HierarchyLevel = item.HierarchyLevel,
            Summary = item.Title,
            Labels = item.Labels,
            Status = status ?? item.Status,
            Kind = activity.Kind,
            Field = activity.Field,
            SourceField = activity.SourceField,
            From = activity.From,
            To = activity.To,
            Text = activity.Text,
            IsAssignee = actorId is not null && actorId == item.AssigneeSourceId,
            IsReporter = actorId is not null && actorId == item.ReporterSourceId,
            IsBot = actor?.IsBot ?? false,
            ActorName = actor?.DisplayName,
        };
    }
}
