namespace BacklogInsight.Api.Features.Classification;

/// <summary>The body of <c>PUT /api/activities/{id}/class</c>: the right class, why, and who says so.</summary>
public sealed record OverrideClassRequest(string? Class, string? Reason, string? By);
