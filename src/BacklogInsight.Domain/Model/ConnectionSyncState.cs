namespace BacklogInsight.Domain.Model;

/// <summary>
/// Where a connection's sync stands: the checkpoint reached, and which process holds the right to sync it now.
/// </summary>
public sealed class ConnectionSyncState
{
    public Guid ConnectionId { get; init; }

    /// <summary>The checkpoint covered by the last stored page; null before the first page.</summary>
    public string? Checkpoint { get; set; }

    public DateTimeOffset? LastSucceededAt { get; set; }

    /// <summary>The process holding the sync lease, e.g. <c>host:pid:nonce</c>; null when free.</summary>
    public string? LeaseHolder { get; set; }

    /// <summary>The lease lapses at this instant unless renewed; a dead holder's lease simply runs out.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }
}
