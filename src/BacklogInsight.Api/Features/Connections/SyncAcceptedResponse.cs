namespace BacklogInsight.Api.Features.Connections;

/// <summary>The answer to <c>POST /api/connections/{id}/sync</c>: the queued run to follow.</summary>
public sealed record SyncAcceptedResponse(Guid RunId, string Status);
