using BacklogInsight.Storage.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// Brings stored work items in line with what the tracker holds now: items it no longer lists are marked deleted
/// (soft: row, activities and corrections kept, counted in no balance), items it lists again are restored, and items
/// whose key changed (moved issues) take the new key under the same id. Balance counts of every touched week are
/// recounted in the same transaction.
/// </summary>
public sealed class WorkItemReconciler(BacklogDbContext db, ActivityCountRefresher counts, TimeProvider time)
{
    /// <summary>
    /// Reconciles a complete listing of live items (id → current key). Only items created before
    /// <paramref name="deletableCreatedBefore"/> may be marked deleted, so an item too new for the tracker's search
    /// index is not taken for a deleted one.
    /// </summary>
    public async Task<ReconcileResult> ReconcileAsync(
        Guid connectionId, IReadOnlyDictionary<string, string> live, DateTimeOffset deletableCreatedBefore, Guid? runId,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.WorkItems.AsNoTracking().Where(w => w.ConnectionId == connectionId)
            .Select(w => new { w.Id, w.SourceId, w.Key, w.Url, w.CreatedAt, w.DeletedAt })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var deleted = new List<string>();
        var restored = new List<string>();
        var moved = 0;
        foreach (var item in stored)
        {
            if (live.TryGetValue(item.SourceId, out var key))
            {
                if (item.DeletedAt is not null)
                {
                    restored.Add(item.SourceId);
                }

                if (!string.Equals(item.Key, key, StringComparison.Ordinal))
                {
                    var url = Renamed(item.Url, item.Key, key);
                    await db.WorkItems.Where(w => w.Id == item.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(w => w.Key, key).SetProperty(w => w.Url, url), cancellationToken);
                    moved++;
                }
            }
            else if (item.DeletedAt is null && item.CreatedAt < deletableCreatedBefore)
            {
                deleted.Add(item.SourceId);
            }
        }

        foreach (var chunk in deleted.Chunk(500))
        {
            await db.WorkItems.Where(w => w.ConnectionId == connectionId && chunk.Contains(w.SourceId))
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.DeletedAt, now), cancellationToken);
        }

        foreach (var chunk in restored.Chunk(500))
        {
            await db.WorkItems.Where(w => w.ConnectionId == connectionId && chunk.Contains(w.SourceId))
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.DeletedAt, (DateTimeOffset?)null), cancellationToken);
        }

        await counts.RefreshItemsAsync(connectionId, [.. deleted, .. restored], cancellationToken);
        var result = new ReconcileResult(stored.Count, deleted.Count, moved, restored.Count);
        if (runId is { } id)
        {
            await AddToRunAsync(id, result, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Marks one item deleted (a delete event); false when it is not stored or already deleted.</summary>
    public async Task<bool> MarkDeletedAsync(Guid connectionId, string sourceId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var changed = await db.WorkItems
            .Where(w => w.ConnectionId == connectionId && w.SourceId == sourceId && w.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.DeletedAt, now), cancellationToken);
        if (changed > 0)
        {
            await counts.RefreshItemsAsync(connectionId, [sourceId], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changed > 0;
    }

    private async Task AddToRunAsync(Guid runId, ReconcileResult result, CancellationToken cancellationToken) =>
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Items, r => r.Items + result.Checked)
            .SetProperty(r => r.ItemsDeleted, r => r.ItemsDeleted + result.Deleted)
            .SetProperty(r => r.ItemsMoved, r => r.ItemsMoved + result.Moved)
            .SetProperty(r => r.ItemsRestored, r => r.ItemsRestored + result.Restored), cancellationToken);

    /// <summary>The link to the item rewritten when it ends with the old key (<c>…/browse/PAY-12</c>).</summary>
    private static string? Renamed(string? url, string oldKey, string newKey) =>
        url is not null && url.EndsWith("/" + oldKey, StringComparison.Ordinal)
            ? string.Concat(url.AsSpan(0, url.Length - oldKey.Length), newKey)
            : url;
}
