using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>Alert notices as the alert rules hand them over, with sane defaults.</summary>
public static class Notices
{
    public static AlertNotice LacksOwner(
        long alertId, AlertTransition transition, DateTimeOffset at, long? teamId = 7, string ruleId = "team-lacks-owner", int sequence = 0) => new(
        AlertId: alertId,
        RuleId: ruleId,
        RuleTitle: "Team lacks an owner",
        Severity: AlertSeverity.Critical,
        Transition: transition,
        Sequence: sequence,
        TeamId: teamId,
        TeamName: "Data Platform <& friends>",
        ConnectionId: null,
        Summary: transition == AlertTransition.Resolved
            ? "Data Platform has an owner again: Ana Ruiz ranked the backlog."
            : "Delivery continues on Data Platform but nobody has made an owner decision in 28 days.",
        Evidence: ["Last owner activity: Lena Fischer ranked DP-412 on 2026-10-12 (46 days ago).", "Delivery: 63 activities in the window (floor 5)."],
        DashboardPath: $"/#/teams/{teamId}",
        OccurredAt: at);
}
