namespace BacklogInsight.Domain.Balance;

/// <summary>A week's balance against the mean balance of the earlier weeks that had product work.</summary>
/// <param name="PreviousMean">The mean balance of the earlier weeks with data; null when none had any.</param>
/// <param name="WeeksWithData">How many of the compared earlier weeks had product work.</param>
/// <param name="Delta">This week's balance minus <paramref name="PreviousMean"/>; null when either is missing.</param>
/// <param name="Trend">The direction, or <see cref="BalanceTrend.InsufficientData"/>.</param>
public sealed record BalanceComparison(double? PreviousMean, int WeeksWithData, double? Delta, BalanceTrend Trend)
{
    public static BalanceComparison None { get; } = new(null, 0, null, BalanceTrend.InsufficientData);
}
