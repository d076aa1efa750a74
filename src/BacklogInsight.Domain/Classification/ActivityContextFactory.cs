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
        string? lastActorId = null;
        Person? lastActor = null;
        for (var i = 0; i < activities.Count; i++)
        {
            // An item's activities are mostly by one or two people: the person found last is asked for again only when the id changes.
            var actorId = activities[i].ActorSourceId;
            if (i == 0 || !ReferenceEquals(actorId, lastActorId))
            {
                lastActor = findPerson(actorId);
                lastActorId = actorId;
            }

            contexts[i] = Create(source, item, activities[i], statusAfter[i], lastActor);
        }

        return contexts;
    }

    /// <summary>
    /// The activities' indexes by time, then source key, then position (a stable sort); no sort at all when they come in
    /// that order already, as sources mostly read them.
    /// </summary>
    private static int[] InTimeOrder(IReadOnlyList<Activity> activities)
    {
        var count = activities.Count;
        var order = new int[count];
        var times = new long[count];
        var keys = new string?[count];
        var sorted = true;
        for (var i = 0; i < count; i++)
        {
            var activity = activities[i];
            order[i] = i;
            times[i] = activity.OccurredAt.UtcTicks;
            keys[i] = activity.SourceKey;
            sorted = sorted && (i == 0 || Compare(times, keys, i - 1, i) <= 0);
        }

        if (!sorted)
        {
            Array.Sort(order, (a, b) => Compare(times, keys, a, b) is var byTimeAndKey and not 0 ? byTimeAndKey : a.CompareTo(b));
        }

        return order;
    }

    private static int Compare(long[] times, string?[] keys, int a, int b) =>
        times[a] != times[b] ? times[a].CompareTo(times[b]) : string.CompareOrdinal(keys[a], keys[b]);

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
