namespace BacklogInsight.Api.Features.Teams;

/// <summary>A team and its designated owner, if the source names one.</summary>
public sealed record TeamResponse(long Id, Guid ConnectionId, string SourceId, string Name, PersonRef? Owner, int WorkItems);
