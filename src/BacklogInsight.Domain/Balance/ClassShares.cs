namespace BacklogInsight.Domain.Balance;

/// <summary>A share (0–1) per class; null where the denominator is 0.</summary>
public sealed record ClassShares(double? Strategic, double? Tactical, double? Delivery, double? Other)
{
    /// <summary>Each class as a share of <paramref name="counts"/>' own total: what someone's work is made of.</summary>
    public static ClassShares OfTotal(ClassCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Total;
        return new ClassShares(
            RoleBalance.Ratio(counts.Strategic, total),
            RoleBalance.Ratio(counts.Tactical, total),
            RoleBalance.Ratio(counts.Delivery, total),
            RoleBalance.Ratio(counts.Other, total));
    }

    /// <summary>Each class of <paramref name="part"/> as a share of the same class in <paramref name="whole"/>: how much of the team's work someone carries.</summary>
    public static ClassShares OfWhole(ClassCounts part, ClassCounts whole)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(whole);
        return new ClassShares(
            RoleBalance.Ratio(part.Strategic, whole.Strategic),
            RoleBalance.Ratio(part.Tactical, whole.Tactical),
            RoleBalance.Ratio(part.Delivery, whole.Delivery),
            RoleBalance.Ratio(part.Other, whole.Other));
    }
}
