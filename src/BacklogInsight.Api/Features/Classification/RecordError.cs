namespace BacklogInsight.Api.Features.Classification;

/// <summary>A line that could not be read, and why; the line is skipped, the rest goes on.</summary>
public sealed record RecordError(int Line, string Error);
