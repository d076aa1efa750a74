namespace BacklogInsight.Domain.Model;

/// <summary>One execution of a connection's sync: what it did and how it ended.</summary>
public sealed class SyncRun
{
    public Guid Id { get; init; }

    public Guid ConnectionId { get; init; }

    /// <summary><c>schedule</c>, <c>api</c>, <c>cli</c> or <c>demo</c>.</summary>
    public required string Trigger { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Last sign of life; a running run whose heartbeat is older than the lease is considered dead.</summary>
    public DateTimeOffset HeartbeatAt { get; set; }

    public SyncRunStatus Status { get; set; } = SyncRunStatus.Queued;

    public int Pages { get; set; }

    public int Requests { get; set; }

    public int Items { get; set; }

    public int ActivitiesAdded { get; set; }

    public int Retries { get; set; }

    /// <summary>Issues whose changelog was longer than the search embeds and was completed from the changelog endpoint.</summary>
    public int ChangelogsCompleted { get; set; }

    /// <summary>Stored items found deleted (or moved out of scope) by a deletion sweep or a delete event.</summary>
    public int ItemsDeleted { get; set; }

    /// <summary>Stored items whose key changed (moved issues); the item keeps its id and takes the new key.</summary>
    public int ItemsMoved { get; set; }

    /// <summary>Items marked deleted earlier that the tracker shows again.</summary>
    public int ItemsRestored { get; set; }

    /// <summary>What went wrong, in plain words; null on success.</summary>
    public string? Error { get; set; }
}
