namespace BacklogInsight.Domain.Alerts;

/// <summary>What the sync rule reads about one enabled connection.</summary>
public sealed record SyncAlertInput
{
    public required Guid ConnectionId { get; init; }

    public required string ConnectionName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastSucceededAt { get; init; }

    /// <summary>The time between two scheduled syncs (from the connection's cron).</summary>
    public TimeSpan Schedule { get; init; }

    /// <summary>The latest finished runs, newest first: true for a success.</summary>
    public IReadOnlyList<bool> RecentRunsSucceeded { get; init; } = [];

    /// <summary>The newest failed run's error in plain words, if any.</summary>
    public string? LastError { get; init; }
}
