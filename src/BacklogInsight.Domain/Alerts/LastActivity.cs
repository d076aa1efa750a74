namespace BacklogInsight.Domain.Alerts;

/// <summary>One activity told in plain words for the evidence: who did what to which item, and when.</summary>
/// <param name="Who">The actor's display name.</param>
/// <param name="What">e.g. <c>changed Rank</c>, <c>moved Ready for Acceptance → Done</c>, <c>commented</c>.</param>
/// <param name="ItemKey">The item's human key (<c>PAY-123</c>), when known.</param>
/// <param name="ItemTitle">The item's title, when known.</param>
/// <param name="At">When it happened (UTC).</param>
public sealed record LastActivity(string Who, string What, string? ItemKey, string? ItemTitle, DateTimeOffset At);
