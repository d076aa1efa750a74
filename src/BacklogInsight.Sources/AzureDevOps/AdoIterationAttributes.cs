namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The dates of an iteration: date-only values at midnight UTC, null when unscheduled.</summary>
public sealed record AdoIterationAttributes
{
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The last day of the iteration (inclusive).</summary>
    public DateTimeOffset? FinishDate { get; init; }
}
