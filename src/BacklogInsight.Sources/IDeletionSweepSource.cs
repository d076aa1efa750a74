namespace BacklogInsight.Sources;

/// <summary>
/// A source that can list, cheaply, the ids of every work item in the connection's scope as the tracker holds them now,
/// so stored items the tracker no longer has (deleted, or moved out of scope) can be reconciled, and key changes followed.
/// </summary>
public interface IDeletionSweepSource
{
    /// <summary>
    /// Streams, page by page, the id and current key of every work item in the connection's scope (ids only, no history).
    /// The listing is complete only when the enumeration ends normally; a consumer must not reconcile deletions from a
    /// listing that threw or was cancelled.
    /// </summary>
    IAsyncEnumerable<LiveItemPage> ListLiveIdsAsync(CancellationToken cancellationToken);
}
