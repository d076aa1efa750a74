namespace BacklogInsight.Domain.Alerts;

/// <summary>The team's designated owner as the tracker knows them.</summary>
public sealed record TeamOwner(string PersonSourceId, string DisplayName, bool IsActive);
