using BacklogInsight.Domain.Model;

namespace BacklogInsight.Storage.Writing;

/// <summary>One page to store, with the checkpoint it reaches and the run and lease it belongs to.</summary>
public sealed record PageWrite
{
    public required Guid ConnectionId { get; init; }

    public required Guid RunId { get; init; }

    public required string LeaseHolder { get; init; }

    public required TimeSpan LeaseDuration { get; init; }

    public required IReadOnlyList<WorkItem> Items { get; init; }

    public required IReadOnlyList<Activity> Activities { get; init; }

    public required string Checkpoint { get; init; }

    public int Requests { get; init; }

    public int Retries { get; init; }

    /// <summary>Changelogs of this page completed past the search's inline truncation.</summary>
    public int ChangelogsCompleted { get; init; }
}
