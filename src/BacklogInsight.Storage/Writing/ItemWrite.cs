using BacklogInsight.Domain.Model;

namespace BacklogInsight.Storage.Writing;

/// <summary>One work item read on demand (a webhook's refresh), to store without moving the sync checkpoint.</summary>
public sealed record ItemWrite
{
    public required Guid ConnectionId { get; init; }

    /// <summary>The holder of the connection's lease the write is made under.</summary>
    public required string LeaseHolder { get; init; }

    public required WorkItem Item { get; init; }

    /// <summary>Every activity of the item; those already stored are skipped.</summary>
    public required IReadOnlyList<Activity> Activities { get; init; }
}
