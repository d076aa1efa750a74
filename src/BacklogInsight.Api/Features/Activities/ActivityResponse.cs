using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Activities;

/// <summary>One activity: who did what to which item when, and (once classified) why it got its class.</summary>
public sealed record ActivityResponse(
    long Id,
    Guid ConnectionId,
    string SourceKey,
    WorkItemRef WorkItem,
    ActorRef? Actor,
    DateTimeOffset OccurredAt,
    ActivityKind Kind,
    CanonicalField Field,
    string? SourceField,
    string? From,
    string? To,
    string? Text,
    ClassificationResponse? Classification)
{
    /// <summary>Why <see cref="Actor"/> is null although someone acted (a team-week under <c>Privacy:MinimumGroupSize</c>); null when shown.</summary>
    public string? ActorHiddenReason { get; init; }
}
