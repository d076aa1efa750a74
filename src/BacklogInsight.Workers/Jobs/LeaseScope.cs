using BacklogInsight.Storage.Writing;
using BacklogInsight.Workers.Pipeline;

namespace BacklogInsight.Workers.Jobs;

/// <summary>
/// Holds a connection's sync lease for one short job (refresh, sweep) under a holder name of its own, so it never
/// shares the lease with a sync of this same process, and releases it when disposed.
/// </summary>
internal sealed class LeaseScope(SyncLease lease, Guid connectionId, string holder) : IAsyncDisposable
{
    public string Holder => holder;

    public static async Task<LeaseScope?> TryEnterAsync(
        SyncLease lease, Guid connectionId, string purpose, TimeSpan duration, CancellationToken cancellationToken)
    {
        var holder = $"{LeaseHolderName.ForThisProcess()}:{purpose}:{Guid.NewGuid():N}";
        return await lease.TryAcquireAsync(connectionId, holder, duration, cancellationToken)
            ? new LeaseScope(lease, connectionId, holder)
            : null;
    }

    public async ValueTask DisposeAsync() => await lease.ReleaseAsync(connectionId, holder, CancellationToken.None);
}
