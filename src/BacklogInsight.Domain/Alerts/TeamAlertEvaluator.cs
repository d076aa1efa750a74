namespace BacklogInsight.Domain.Alerts;

/// <summary>The team rules of role-taxonomy.md §5 over one team's input: pure, one finding per rule.</summary>
public sealed class TeamAlertEvaluator(TimeZoneInfo zone)
{
    public IReadOnlyList<AlertFinding> Evaluate(TeamAlertInput team, AlertThresholds limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(limits);
        var words = new AlertWording(zone, now);
        var (lacksOwner, thin) = OwnerRules.Evaluate(team, limits, now, words);
        return [lacksOwner, thin, StrategyRule.Evaluate(team, limits, now, words), CombinedRoleRule.Evaluate(team, limits, now)];
    }
}
