using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Alerts;

/// <summary>
/// "Team lacks strategic direction" (role-taxonomy.md §5): a quarter without strategy, or completed work that no longer
/// rolls up to anything strategic. Judged only while delivery and owner work continue; a team without an owner has the
/// owner alert instead.
/// </summary>
internal static class StrategyRule
{
    public static AlertFinding Evaluate(TeamAlertInput team, AlertThresholds limits, DateTimeOffset now, AlertWording words)
    {
        var rule = AlertRule.LacksStrategicDirection;
        var humans = team.People.Where(p => !p.IsBot).ToList();
        var delivery = humans.Sum(p => p.OwnerWindow.Delivery);
        var deliveryPeople = humans.Count(p => p.OwnerWindow.Delivery > 0);
        var deliveryLine = $"Delivery: {AlertWording.Count(delivery, "activity", "activities")} by {AlertWording.Count(deliveryPeople, "person", "people")} in the last {limits.OwnerWindowDays} days (floor: {limits.DeliveryFloor} by {limits.DeliveryFloorPeople}).";
        if (OwnerRules.Gate(team, limits.StrategyWindowDays, delivery, deliveryPeople, limits, now, words, deliveryLine) is { } gate)
        {
            return gate with { Rule = rule };
        }

        var lastDecisionAt = humans.Max(p => p.LastTacticalAt);
        if (lastDecisionAt is null || lastDecisionAt < now.AddDays(-limits.OwnerWindowDays))
        {
            return new AlertFinding
            {
                Rule = rule,
                Outcome = FindingOutcome.InsufficientData,
                Summary = $"{team.TeamName}: owner work has stopped, so strategic direction is not judged; the owner alert covers the team.",
                Evidence = [deliveryLine],
            };
        }

        var strategic = humans.Sum(p => p.StrategyWindow.Strategic);
        var lastStrategicAt = humans.Max(p => p.LastStrategicAt);
        var lastStrategist = humans.Where(p => p.LastStrategicAt is not null).MaxBy(p => p.LastStrategicAt);
        var evidence = new List<string>
        {
            $"Strategic activities on the team's backlog in the last {limits.StrategyWindowDays} days: {strategic} (raised at {limits.StrategicFloor} or fewer).",
            lastStrategist is { LastStrategicAt: { } at } ? $"Last strategic work: {lastStrategist.DisplayName}, {words.DateAndAge(at)}." : "Last strategic work: none on record.",
            deliveryLine,
            $"Owner work continues: last owner decision {words.DateAndAge(lastDecisionAt.Value)}.",
        };

        var underFloor = strategic <= limits.StrategicFloor;
        var notRollingUp = false;
        if (team.CompletedStories is { } completed && team.CompletedStoriesRollingUp is { } rolling)
        {
            var share = completed == 0 ? 0 : (double)rolling / completed;
            evidence.Add($"{AlertWording.Count(completed, "story", "stories")} completed in the last {limits.StrategyWindowDays} days; {rolling} ({Percent.Format(share)}) roll up to an item with strategic work in the last {limits.RollUpLookBackDays} days (raised under {Percent.Format(limits.RollUpShare)} from {limits.RollUpMinimumStories} stories).");
            notRollingUp = completed >= limits.RollUpMinimumStories && share < limits.RollUpShare;
        }

        if (!underFloor && !notRollingUp)
        {
            return OwnerRules.Clear(rule, $"{team.TeamName} has strategic direction.", evidence);
        }

        return new AlertFinding
        {
            Rule = rule,
            Outcome = FindingOutcome.Raised,
            Summary = underFloor
                ? $"{team.TeamName} lacks strategic direction: {AlertWording.Count(strategic, "strategic activity", "strategic activities")} in {limits.StrategyWindowDays} days while delivery and owner work continue."
                : $"{team.TeamName} lacks strategic direction: completed stories no longer roll up to anything strategic.",
            Evidence = evidence,
            Since = underFloor ? OwnerRules.Since(lastStrategicAt ?? team.FirstActivityAt, null, limits.StrategyWindowDays, now) : now,
        };
    }
}
