using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Alerts;

/// <summary>
/// "Team lacks an owner" and its softer "thin ownership" warning (role-taxonomy.md §5). Anyone's owner decisions
/// count for (a) — the Scrum Guide lets the owner delegate — and only (b) looks at the designated person.
/// </summary>
internal static class OwnerRules
{
    public static (AlertFinding LacksOwner, AlertFinding Thin) Evaluate(TeamAlertInput team, AlertThresholds limits, DateTimeOffset now, AlertWording words)
    {
        var windowStart = now.AddDays(-limits.OwnerWindowDays);
        var humans = team.People.Where(p => !p.IsBot).ToList();
        var delivery = humans.Sum(p => p.OwnerWindow.Delivery);
        var deliveryPeople = humans.Count(p => p.OwnerWindow.Delivery > 0);
        var window = $"the last {limits.OwnerWindowDays} days";
        var deliveryLine = $"Delivery: {AlertWording.Count(delivery, "activity", "activities")} by {AlertWording.Count(deliveryPeople, "person", "people")} in {window} (floor: {limits.DeliveryFloor} by {limits.DeliveryFloorPeople}).";

        if (Gate(team, limits.OwnerWindowDays, delivery, deliveryPeople, limits, now, words, deliveryLine) is { } gate)
        {
            return (gate with { Rule = AlertRule.LacksOwner }, gate with { Rule = AlertRule.ThinOwnership });
        }

        var lastDecisionAt = humans.Max(p => p.LastTacticalAt);
        var decisions = humans.Sum(p => p.OwnerWindow.Tactical);
        var nobodyDecided = lastDecisionAt is null || lastDecisionAt < windowStart;
        var owner = team.DesignatedOwner;
        var ownerWork = owner is null ? null : humans.FirstOrDefault(p => p.PersonSourceId == owner.PersonSourceId);
        var ownerLastAt = ownerWork?.LastTacticalAt;
        var ownerIdle = owner is not null && (ownerLastAt is null || ownerLastAt < windowStart);
        var ownerGone = owner is { IsActive: false };

        var evidence = new List<string>
        {
            team.LastOwnerDecision is { } last ? $"Last owner decision: {words.Activity(last)}." : "Last owner decision: none on record.",
            nobodyDecided
                ? $"Owner decisions in {window}: 0."
                : $"Owner decisions in {window}: {decisions} (whole weeks), the last {words.DateAndAge(lastDecisionAt!.Value)}.",
            deliveryLine,
        };
        if (owner is not null)
        {
            evidence.Add($"Designated owner {owner.DisplayName}: {(ownerGone ? "account deactivated" : "active account")}, "
                + (ownerLastAt is { } at ? $"last owner work {words.DateAndAge(at)}." : "no owner work on record."));
        }

        var coverage = OwnerCoverage.From(humans.Select(p => new PersonActivitySummary
        {
            PersonSourceId = p.PersonSourceId,
            DisplayName = p.DisplayName,
            Counts = p.OwnerWindow,
            LastTacticalAt = p.LastTacticalAt,
        }));
        if ((ownerIdle || ownerGone) && !nobodyDecided && coverage.DeFactoOwner is { } deFacto && deFacto.PersonSourceId != owner?.PersonSourceId)
        {
            evidence.Add($"De-facto owner: {deFacto.DisplayName}, {AlertWording.Count(deFacto.Count, "owner decision", "owner decisions")} in the window's weeks.");
        }

        var raised = nobodyDecided || ownerIdle || ownerGone;
        var lacks = raised
            ? new AlertFinding
            {
                Rule = AlertRule.LacksOwner,
                Outcome = FindingOutcome.Raised,
                Summary = $"{team.TeamName} lacks an owner: {Reason(nobodyDecided, ownerGone, owner, lastDecisionAt, words)}",
                Evidence = evidence,
                Since = Since(nobodyDecided ? lastDecisionAt ?? team.FirstActivityAt : null, ownerIdle || ownerGone ? ownerLastAt ?? team.FirstActivityAt : null, limits.OwnerWindowDays, now),
            }
            : Clear(AlertRule.LacksOwner, $"{team.TeamName} has owner decisions in {window}.", evidence);

        var ratio = delivery == 0 ? 0 : (double)decisions / delivery;
        var thinLine = $"Owner decisions per delivery activity: {decisions} ÷ {delivery} = {Percent.Format(ratio)} (thin under {Percent.Format(limits.ThinOwnershipRatio)}).";
        var thin = !raised && ratio < limits.ThinOwnershipRatio
            ? new AlertFinding
            {
                Rule = AlertRule.ThinOwnership,
                Outcome = FindingOutcome.Raised,
                Summary = $"{team.TeamName} has thin ownership: {Percent.Format(ratio)} owner decisions per delivery activity in {window}.",
                Evidence = [thinLine, .. evidence],
                Since = now,
            }
            : Clear(AlertRule.ThinOwnership, raised ? $"{team.TeamName} lacks an owner altogether; that alert covers it." : $"{team.TeamName}'s ownership is not thin.", [thinLine]);
        return (lacks, thin);
    }

    /// <summary>Dormant or insufficient data before any rule of a team is judged; null when the team can be judged.</summary>
    internal static AlertFinding? Gate(
        TeamAlertInput team, int windowDays, int delivery, int deliveryPeople, AlertThresholds limits, DateTimeOffset now, AlertWording words, string deliveryLine)
    {
        if (delivery == 0)
        {
            return new AlertFinding
            {
                Rule = AlertRule.LacksOwner,
                Outcome = FindingOutcome.Dormant,
                Summary = $"{team.TeamName} is dormant: no delivery work in the last {limits.OwnerWindowDays} days, so nothing is flagged.",
                Evidence = [deliveryLine],
            };
        }

        if (team.FirstActivityAt is not { } first || first > now.AddDays(-windowDays))
        {
            var covered = team.FirstActivityAt is { } f ? (int)Math.Floor((now - f).TotalDays) : 0;
            return Insufficient($"{team.TeamName}: insufficient data — the stored history covers {covered} of the {windowDays} days the rule needs.", deliveryLine, words, team);
        }

        return delivery < limits.DeliveryFloor || deliveryPeople < limits.DeliveryFloorPeople
            ? Insufficient($"{team.TeamName}: insufficient data — delivery is under the floor, too little to judge.", deliveryLine, words, team)
            : null;
    }

    internal static AlertFinding Clear(AlertRule rule, string summary, IReadOnlyList<string> evidence) =>
        new() { Rule = rule, Outcome = FindingOutcome.Clear, Summary = summary, Evidence = evidence };

    /// <summary>The condition began when the window had passed since the last sign of the work; never in the future.</summary>
    internal static DateTimeOffset Since(DateTimeOffset? lastA, DateTimeOffset? lastB, int windowDays, DateTimeOffset now)
    {
        var candidates = new[] { lastA, lastB }.Where(x => x is not null).Select(x => x!.Value.AddDays(windowDays)).ToList();
        var since = candidates.Count == 0 ? now : candidates.Min();
        return since > now ? now : since;
    }

    private static AlertFinding Insufficient(string summary, string deliveryLine, AlertWording words, TeamAlertInput team) => new()
    {
        Rule = AlertRule.LacksOwner,
        Outcome = FindingOutcome.InsufficientData,
        Summary = summary,
        Evidence = team.FirstActivityAt is { } first ? [deliveryLine, $"First stored activity: {words.DateAndAge(first)}."] : [deliveryLine],
    };

    private static string Reason(bool nobodyDecided, bool ownerGone, TeamOwner? owner, DateTimeOffset? lastDecisionAt, AlertWording words)
    {
        if (nobodyDecided)
        {
            return lastDecisionAt is { } at
                ? $"delivery continues but nobody has made an owner decision since {words.DateAndAge(at)}."
                : "delivery continues but nobody has ever made an owner decision on its backlog.";
        }

        return ownerGone
            ? $"the designated owner {owner!.DisplayName} is deactivated; others fill in."
            : $"the designated owner {owner!.DisplayName} has done no owner work in the window; others fill in.";
    }
}
