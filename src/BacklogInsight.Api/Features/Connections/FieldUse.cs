namespace BacklogInsight.Api.Features.Connections;

/// <summary>A tracker field seen in the stored history: its own name, what BacklogInsight reads it as (null: not read), how often.</summary>
public sealed record FieldUse(string SourceField, string? Canonical, int Changes);
