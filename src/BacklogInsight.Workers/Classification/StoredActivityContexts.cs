using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Workers.Classification;

/// <summary>
/// Rebuilds the classifier's view of stored activities: their item, the actor, and the item's status at the time
/// (from the item's stored transitions). Used to reclassify and to export labelled records.
/// </summary>
public sealed class StoredActivityContexts(BacklogDbContext db)
{
    /// <summary>The context of each activity that still has its work item, by activity id.</summary>
    public async Task<IReadOnlyDictionary<long, (ActivityContext Context, string ItemKey)>> BuildAsync(
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var itemIds = activities.Select(a => a.WorkItemSourceId).Distinct().ToList();
        var connectionIds = activities.Select(a => a.ConnectionId).Distinct().ToList();
        var items = (await db.WorkItems.AsNoTracking()
                .Where(w => connectionIds.Contains(w.ConnectionId) && itemIds.Contains(w.SourceId)).ToListAsync(cancellationToken))
            .ToDictionary(w => (w.ConnectionId, w.SourceId));
        var actorIds = activities.Select(a => a.ActorSourceId).Where(id => id is not null).Distinct().ToList();
        var people = (await db.People.AsNoTracking()
                .Where(p => connectionIds.Contains(p.ConnectionId) && actorIds.Contains(p.SourceId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.ConnectionId, p.SourceId));
        var kinds = await db.Connections.AsNoTracking()
            .Where(c => connectionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Kind, cancellationToken);
        var transitions = (await db.Activities.AsNoTracking()
                .Where(a => connectionIds.Contains(a.ConnectionId) && itemIds.Contains(a.WorkItemSourceId) && a.Kind == ActivityKind.Transitioned)
                .ToListAsync(cancellationToken))
            .ToLookup(a => (a.ConnectionId, a.WorkItemSourceId));

        var contexts = new Dictionary<long, (ActivityContext, string)>();
        foreach (var group in activities.GroupBy(a => (a.ConnectionId, a.WorkItemSourceId)))
        {
            if (!items.TryGetValue(group.Key, out var item))
            {
                continue;
            }

            var targets = group.ToList();
            var targetIds = targets.Select(a => a.Id).ToHashSet();
            var all = targets.Concat(transitions[group.Key].Where(t => !targetIds.Contains(t.Id))).ToList();
            var built = ActivityContextFactory.ForItem(
                kinds[group.Key.ConnectionId], item, all,
                id => id is not null ? people.GetValueOrDefault((group.Key.ConnectionId, id)) : null);
            for (var i = 0; i < targets.Count; i++)
            {
                contexts[targets[i].Id] = (built[i], item.Key);
            }
        }

        return contexts;
    }
}
