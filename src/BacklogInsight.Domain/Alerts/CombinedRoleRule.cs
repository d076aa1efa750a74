using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Alerts;

/// <summary>
/// "Combined role" (role-taxonomy.md §5): one person carries most of both the strategic and the owner work over the
/// strategy window. Information, not a defect — small companies merge the roles and SVPG argues for it. Reuses the
/// combined-role test of <see cref="RoleProfiler"/> with the §5 thresholds.
/// </summary>
internal static class CombinedRoleRule
{
    public static AlertFinding Evaluate(TeamAlertInput team, AlertThresholds limits, DateTimeOffset now)
    {
        var rule = AlertRule.CombinedRole;
        var humans = team.People.Where(p => !p.IsBot).ToList();
        var teamCounts = ClassCounts.Sum(humans.Select(p => p.StrategyWindow));
        var profiler = new RoleProfiler(new RoleInferenceOptions
        {
            CombinedShare = limits.CombinedShare,
            MinimumCombinedActivities = limits.CombinedMinimumEach,
        });
        foreach (var person in humans.OrderByDescending(p => p.StrategyWindow.ProductWork).ThenBy(p => p.PersonSourceId, StringComparer.Ordinal))
        {
            var (role, reasons) = profiler.Infer(person.StrategyWindow, teamCounts);
            if (role == InferredRole.Combined)
            {
                return new AlertFinding
                {
                    Rule = rule,
                    Outcome = FindingOutcome.Raised,
                    Summary = $"{person.DisplayName} carries both the strategic and the owner work of {team.TeamName} (information, not a defect).",
                    Evidence =
                    [
                        .. reasons.Select(r => $"{person.DisplayName}: {r}"),
                        $"In the last {limits.StrategyWindowDays} days: {person.StrategyWindow.Strategic} of {teamCounts.Strategic} strategic and {person.StrategyWindow.Tactical} of {teamCounts.Tactical} owner activities (raised from {Percent.Format(limits.CombinedShare)} of each, at least {limits.CombinedMinimumEach} each).",
                    ],
                    Since = now,
                };
            }
        }

        return OwnerRules.Clear(rule, $"Nobody carries most of both the strategic and the owner work of {team.TeamName}.", []);
    }
}
