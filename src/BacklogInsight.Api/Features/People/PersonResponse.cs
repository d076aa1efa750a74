namespace BacklogInsight.Api.Features.People;

/// <summary>A tracker account.</summary>
public sealed record PersonResponse(long Id, Guid ConnectionId, string SourceId, string DisplayName, bool IsActive, bool IsBot);
