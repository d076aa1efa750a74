namespace BacklogInsight.Domain.Balance;

/// <summary>One team's class counts in one ISO week, as storage aggregates them.</summary>
public sealed record WeekCounts(IsoWeek Week, ClassCounts Counts);
