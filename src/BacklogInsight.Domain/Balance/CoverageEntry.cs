namespace BacklogInsight.Domain.Balance;

/// <summary>One person's part in a kind of product work: how many activities, and when last.</summary>
public sealed record CoverageEntry(string PersonSourceId, string DisplayName, int Count, DateTimeOffset? LastAt);
