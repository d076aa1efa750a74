namespace BacklogInsight.Domain.Balance;

/// <summary>One team's role balance in one ISO week, with its comparison to the weeks before.</summary>
public sealed record TeamWeekBalance
{
    public required IsoWeek Week { get; init; }

    public required ClassCounts Counts { get; init; }

    /// <summary>Strategic ÷ (strategic + tactical); null when the week had no product work (see <see cref="RoleBalance.Of"/>).</summary>
    public double? Balance { get; init; }

    /// <summary>Tactical ÷ role work (see <see cref="RoleBalance.TacticalShare"/>).</summary>
    public double? TacticalShare { get; init; }

    public required BalanceComparison Comparison { get; init; }

    public bool HasActivity => Counts.Total > 0;
}
