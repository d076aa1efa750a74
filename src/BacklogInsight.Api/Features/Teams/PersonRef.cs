namespace BacklogInsight.Api.Features.Teams;

/// <summary>A person as referred to from another resource.</summary>
public sealed record PersonRef(string SourceId, string DisplayName, bool IsActive);
