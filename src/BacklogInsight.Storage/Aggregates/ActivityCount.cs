using BacklogInsight.Domain.Model;

namespace BacklogInsight.Storage.Aggregates;

/// <summary>
/// How many activities of one class one person did on one team's backlog in one ISO week, and when the last was.
/// Role balance, people and reports read these rows instead of the activities.
/// </summary>
public sealed class ActivityCount
{
    public Guid ConnectionId { get; init; }

    public required string TeamSourceId { get; init; }

    /// <summary>The ISO week as <c>year * 100 + week</c> (202647).</summary>
    public int Week { get; init; }

    /// <summary>The actor's source id; empty when the source did not say.</summary>
    public required string ActorSourceId { get; init; }

    public ActivityClass Class { get; init; }

    public int Count { get; set; }

    public DateTimeOffset LastAt { get; set; }
}
