namespace BacklogInsight.Domain.Classification;

/// <summary>The confidence arithmetic of taxonomy §4.</summary>
public sealed record ConfidenceSettings
{
    public double Base { get; init; } = 0.6;

    public double Agree { get; init; } = 0.1;

    public double Overridden { get; init; } = 0.15;

    public double Min { get; init; } = 0.3;

    public double Max { get; init; } = 0.95;
}
