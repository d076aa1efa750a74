namespace BacklogInsight.Sources.Sample;

/// <summary>Installation-wide settings of the sample source (configuration section <c>Sources:Sample</c>).</summary>
public sealed class SampleSourceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Sources:Sample";

    /// <summary>How many activities one page of the change stream carries. Defaults to 500.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// A simulated latency awaited between pages, so demos and crash tests see a sync in flight.
    /// Defaults to zero (no delay).
    /// </summary>
    public TimeSpan PageDelay { get; set; } = TimeSpan.Zero;
}
