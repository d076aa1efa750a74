using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// One sync per connection at a time, across processes: a lease row updated with a conditional UPDATE, so only
/// one holder wins. A holder that dies simply lets the lease run out.
/// </summary>
public sealed class SyncLease(BacklogDbContext db, TimeProvider time)
{
    public async Task<bool> TryAcquireAsync(Guid connectionId, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = now + duration;
        var updated = await db.SyncStates
            .Where(s => s.ConnectionId == connectionId
                && (s.LeaseHolder == null || s.LeaseExpiresAt == null || s.LeaseExpiresAt < now || s.LeaseHolder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseHolder, holder).SetProperty(x => x.LeaseExpiresAt, expires), cancellationToken);
        return updated == 1;
    }

    public async Task ReleaseAsync(Guid connectionId, string holder, CancellationToken cancellationToken) =>
        await db.SyncStates
            .Where(s => s.ConnectionId == connectionId && s.LeaseHolder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseHolder, (string?)null).SetProperty(x => x.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
}
