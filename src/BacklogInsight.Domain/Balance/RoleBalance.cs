namespace BacklogInsight.Domain.Balance;

/// <summary>
/// The two ratios the role balance is read from. Both are null when there is nothing to divide:
/// no work is "insufficient data", never a balance of 0.
/// </summary>
public static class RoleBalance
{
    /// <summary>Strategic ÷ (strategic + tactical): 1 is all PM work, 0 all PO work; null with no product work.</summary>
    public static double? Of(ClassCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Ratio(counts.Strategic, counts.ProductWork);
    }

    /// <summary>
    /// Tactical ÷ (strategic + tactical + delivery): how much of the team's role work is owner work.
    /// Not 1 − balance, which would say nothing new: this one drops when delivery carries on without an owner.
    /// </summary>
    public static double? TacticalShare(ClassCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Ratio(counts.Tactical, counts.RoleWork);
    }

    internal static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
