namespace BacklogInsight.Storage.Aggregates;

/// <summary>One team's one week: the unit in which activity counts are recomputed.</summary>
public readonly record struct TeamWeek(Guid ConnectionId, string TeamSourceId, int Week);
