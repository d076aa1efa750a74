namespace BacklogInsight.Api.Infrastructure;

/// <summary>One page of a list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record PagedResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
