using BacklogInsight.Storage.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// Stores one work item read on demand through the same idempotent upsert as a sync page: the item by its source id,
/// its activities by source key (a repeat adds nothing), the balance counts of the new ones; a deleted item read
/// again is restored. The sync checkpoint and the run counters are not touched: polling stays the source of truth.
/// </summary>
public sealed class ItemWriter(BacklogDbContext db, ActivityCountRefresher counts)
{
    /// <summary>Returns how many activities were new. Throws <see cref="SyncLeaseLostException"/> without the lease.</summary>
    public async Task<int> WriteAsync(ItemWrite write, CancellationToken cancellationToken)
    {
        var connectionId = write.ConnectionId;
        if (write.Item.ConnectionId != connectionId || write.Activities.Any(a => a.ConnectionId != connectionId))
        {
            throw new InvalidOperationException($"A source returned data of another connection while refreshing an item of {connectionId}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.SyncStates.AnyAsync(s => s.ConnectionId == connectionId && s.LeaseHolder == write.LeaseHolder, cancellationToken))
        {
            throw new SyncLeaseLostException(connectionId);
        }

        var stored = await db.WorkItems.SingleOrDefaultAsync(
            w => w.ConnectionId == connectionId && w.SourceId == write.Item.SourceId, cancellationToken);
        var restored = stored is { DeletedAt: not null } && write.Item.DeletedAt is null;
        if (stored is null)
        {
            db.WorkItems.Add(write.Item);
        }
        else
        {
            WorkItemCopy.Apply(write.Item, stored);
        }

        var keys = write.Activities.Select(a => a.SourceKey).ToList();
        var storedKeys = (await db.Activities
            .Where(a => a.ConnectionId == connectionId && a.WorkItemSourceId == write.Item.SourceId && keys.Contains(a.SourceKey))
            .Select(a => a.SourceKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = write.Activities.Where(a => storedKeys.Add(a.SourceKey)).ToList();
        if (!db.Database.IsSqlite())
        {
            db.Activities.AddRange(added);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (db.Database.IsSqlite())
        {
            await SqliteActivityInserter.InsertAsync(db, added, cancellationToken);
        }

        await counts.AddAsync(added, cancellationToken);
        if (restored)
        {
            await counts.RefreshItemsAsync(connectionId, [write.Item.SourceId], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added.Count;
    }
}
