using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>One sync run: when, what it did, how it ended.</summary>
public sealed record SyncRunResponse(
    Guid Id,
    Guid ConnectionId,
    string Trigger,
    SyncRunStatus Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int Pages,
    int Requests,
    int Items,
    int ActivitiesAdded,
    int Retries,
    string? Error)
{
    /// <summary>Changelogs completed past the tracker's inline truncation.</summary>
    public int ChangelogsCompleted { get; init; }

    /// <summary>Items found deleted (or moved out of scope), moved (key changed) and restored by a sweep.</summary>
    public int ItemsDeleted { get; init; }

    public int ItemsMoved { get; init; }

    public int ItemsRestored { get; init; }

    public static SyncRunResponse From(SyncRun run) => new(
        run.Id, run.ConnectionId, run.Trigger, run.Status, run.QueuedAt, run.StartedAt, run.EndedAt,
        run.Pages, run.Requests, run.Items, run.ActivitiesAdded, run.Retries, run.Error)
    {
        ChangelogsCompleted = run.ChangelogsCompleted,
        ItemsDeleted = run.ItemsDeleted,
        ItemsMoved = run.ItemsMoved,
        ItemsRestored = run.ItemsRestored,
    };
}
