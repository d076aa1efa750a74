namespace BacklogInsight.Domain.Balance;

/// <summary>Which way a week's balance moved against the mean of the weeks before it.</summary>
public enum BalanceTrend
{
    /// <summary>This week, or too few earlier weeks, had no product work to compare.</summary>
    InsufficientData = 0,

    /// <summary>Within the threshold of the earlier mean.</summary>
    Steady = 1,

    /// <summary>More strategic than before, by at least the threshold.</summary>
    Rising = 2,

    /// <summary>More tactical than before, by at least the threshold.</summary>
    Falling = 3,
}
