namespace BacklogInsight.Api.Features.Activities;

/// <summary>The item an activity happened on.</summary>
public sealed record WorkItemRef(string SourceId, string? Key, string? Title, string? Url);
