using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>How weekly reports are built.</summary>
public sealed record ReportOptions
{
    /// <summary>How many weeks the trend shows, this one included. Default 9: this week and the 8 it is compared with.</summary>
    public int TrendWeeks { get; init; } = 9;

    /// <summary>
    /// The fewest delivery activities in the week for "delivery continues". Default 5: about one a working day, so a
    /// team where one person tidied a ticket is not reported as building without an owner.
    /// </summary>
    public int DeliveryFloor { get; init; } = 5;

    /// <summary>Owner work below this share of delivery is thin ownership. Default 0.05, as role-taxonomy.md §5.</summary>
    public double ThinOwnershipRatio { get; init; } = 0.05;

    public BalanceOptions Balance { get; init; } = new();

    public RoleInferenceOptions Roles { get; init; } = new();
}
