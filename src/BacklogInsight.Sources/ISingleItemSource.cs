namespace BacklogInsight.Sources;

/// <summary>
/// A source that can read one work item on demand, as push ingestion needs when a webhook names an item.
/// Polling through <see cref="IBacklogSource.ReadChangesAsync"/> stays the source of truth; this only brings one item forward.
/// </summary>
public interface ISingleItemSource
{
    /// <summary>
    /// Reads one work item as the tracker holds it now, with its complete history and comments (every activity, not
    /// only the new ones: the writer's upsert by source key drops what is already stored).
    /// <see cref="SingleItemRead.Change"/> is null when the tracker answers that the item does not exist (deleted,
    /// or no longer visible to the connection's account).
    /// </summary>
    /// <param name="sourceId">The tracker's own immutable id (Jira issue id, Azure DevOps work item id).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<SingleItemRead> ReadItemAsync(string sourceId, CancellationToken cancellationToken);
}
