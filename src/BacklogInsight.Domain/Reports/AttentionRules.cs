using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Reports;

/// <summary>Decides which <see cref="AttentionReason"/>s a team-week earns, and orders teams by them.</summary>
public sealed class AttentionRules(ReportOptions options)
{
    /// <summary>The reasons <paramref name="trend"/>'s last week earns, most urgent first; the whole trend is read for strategic work.</summary>
    public IReadOnlyList<AttentionReason> Assess(IReadOnlyList<TeamWeekBalance> trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var week = trend[^1];
        var counts = week.Counts;
        var delivering = counts.Delivery >= options.DeliveryFloor;
        var reasons = new List<AttentionReason>();
        if (delivering && counts.Tactical == 0)
        {
            reasons.Add(AttentionReason.NoOwnerWorkWhileDelivering);
        }

        // A month without strategy is normal, a quarter is not (role-taxonomy.md §5), so the whole trend window decides.
        if (delivering && trend.All(w => w.Counts.Strategic == 0))
        {
            reasons.Add(AttentionReason.NoStrategicWork);
        }

        if (delivering && counts.Tactical > 0 && counts.Tactical < options.ThinOwnershipRatio * counts.Delivery)
        {
            reasons.Add(AttentionReason.ThinOwnership);
        }

        if (week.Comparison.Trend == BalanceTrend.Falling)
        {
            reasons.Add(AttentionReason.FallingBalance);
        }

        return reasons;
    }

    /// <summary>Teams needing attention first (see <see cref="OrganisationWeeklyReport.Rows"/>), the rest by name.</summary>
    public static IEnumerable<TeamWeeklyReport> Order(IEnumerable<TeamWeeklyReport> teams) =>
        teams
            .OrderBy(t => t.Attention.Count == 0)
            .ThenBy(t => t.Attention.Count == 0 ? 0 : (int)t.Attention.Min())
            .ThenByDescending(t => t.Attention.Count)
            .ThenByDescending(t => t.Attention.Count == 0 ? 0 : t.Balance.Counts.Delivery)
            .ThenBy(t => t.Team.Name, StringComparer.InvariantCulture)
            .ThenBy(t => t.Team.SourceId, StringComparer.Ordinal);
}
