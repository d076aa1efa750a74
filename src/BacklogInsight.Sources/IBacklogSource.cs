using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources;

/// <summary>
/// One tracker behind one connection. Knows nothing of storage, of other sources or of the job engine.
/// </summary>
public interface IBacklogSource
{
    /// <summary>The catalogue: teams, people and sprints as they are now.</summary>
    Task<SourceCatalogue> DiscoverAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Streams, page by page, every work item changed since <paramref name="since"/> (null: from the beginning)
    /// with the activities that are new since then. Each page carries the checkpoint that covers it, so a
    /// consumer that stores the page and its checkpoint together can stop anywhere and resume without gap.
    /// </summary>
    IAsyncEnumerable<ChangePage> ReadChangesAsync(SyncCheckpoint? since, CancellationToken cancellationToken);
}
