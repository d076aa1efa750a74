using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Balance;

/// <summary>
/// How many activities of each class, for whatever scope the caller aggregated (a team-week, a person in a team-week).
/// Storage counts only activities whose confidence reaches the medium band (role-taxonomy.md §4, c ≥ 0.55).
/// </summary>
public sealed record ClassCounts(int Strategic, int Tactical, int Delivery, int Other)
{
    public static ClassCounts Empty { get; } = new(0, 0, 0, 0);

    public int Total => Strategic + Tactical + Delivery + Other;

    /// <summary>Strategic plus tactical: the product-role work the balance is measured on.</summary>
    public int ProductWork => Strategic + Tactical;

    /// <summary>All work done in one of the three roles, leaving out bots and noise.</summary>
    public int RoleWork => Strategic + Tactical + Delivery;

    public int Of(ActivityClass activityClass) => activityClass switch
    {
        ActivityClass.Strategic => Strategic,
        ActivityClass.Tactical => Tactical,
        ActivityClass.Delivery => Delivery,
        ActivityClass.Other => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(activityClass), activityClass, null),
    };

    /// <summary>These counts with <paramref name="count"/> more of <paramref name="activityClass"/>.</summary>
    public ClassCounts Add(ActivityClass activityClass, int count = 1) => activityClass switch
    {
        ActivityClass.Strategic => this with { Strategic = Strategic + count },
        ActivityClass.Tactical => this with { Tactical = Tactical + count },
        ActivityClass.Delivery => this with { Delivery = Delivery + count },
        ActivityClass.Other => this with { Other = Other + count },
        _ => throw new ArgumentOutOfRangeException(nameof(activityClass), activityClass, null),
    };

    public ClassCounts Add(ClassCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ClassCounts(Strategic + other.Strategic, Tactical + other.Tactical, Delivery + other.Delivery, Other + other.Other);
    }

    public static ClassCounts operator +(ClassCounts left, ClassCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Add(right);
    }

    public static ClassCounts Sum(IEnumerable<ClassCounts> counts) => counts.Aggregate(Empty, (sum, next) => sum.Add(next));
}
