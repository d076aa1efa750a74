namespace BacklogInsight.Domain.Balance;

/// <summary>How a week's balance is compared with the weeks before it.</summary>
public sealed record BalanceOptions
{
    /// <summary>
    /// How many earlier weeks the comparison looks at. Default 8: two months, four two-week sprints — long enough that a
    /// holiday week does not swing the mean, short enough to follow a quarter's change of direction.
    /// </summary>
    public int ComparisonWeeks { get; init; } = 8;

    /// <summary>
    /// The fewest earlier weeks with product work needed for a trend. Default 2: one earlier week is an anecdote.
    /// </summary>
    public int MinimumWeeksWithData { get; init; } = 2;

    /// <summary>
    /// How far (on the 0–1 balance scale) the week must move from the earlier mean to count as rising or falling.
    /// Default 0.10: with a typical 10–40 product activities a week one activity moves the balance by 2.5–10 points,
    /// so a smaller threshold would report single events as trends.
    /// </summary>
    public double TrendThreshold { get; init; } = 0.10;
}
