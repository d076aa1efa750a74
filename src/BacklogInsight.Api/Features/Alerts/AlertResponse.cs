using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Workers.Alerts;

namespace BacklogInsight.Api.Features.Alerts;

/// <summary>One alert with its evidence in plain words and the link to its team's dashboard page.</summary>
public sealed record AlertResponse(
    long Id,
    string RuleId,
    string RuleTitle,
    AlertSeverity Severity,
    AlertState State,
    long? TeamId,
    string? TeamName,
    Guid? ConnectionId,
    string Summary,
    IReadOnlyList<string> Evidence,
    DateTimeOffset OpenedAt,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedReason,
    DateTimeOffset LastEvaluatedAt,
    int ReminderCount,
    DateTimeOffset? LastRemindedAt,
    string DashboardPath)
{
    public static AlertResponse From(Alert alert, string? teamName) => new(
        alert.Id, alert.RuleId, AlertRule.Find(alert.RuleId)?.Title ?? alert.RuleId, alert.Severity, alert.State,
        alert.TeamId, teamName, alert.ConnectionId, alert.Summary, alert.Evidence, alert.OpenedAt, alert.RaisedAt,
        alert.AcknowledgedAt, alert.AcknowledgedBy, alert.ResolvedAt, alert.ResolvedReason, alert.LastEvaluatedAt,
        alert.ReminderCount, alert.LastRemindedAt, AlertLifecycle.DashboardPath(alert.TeamId));

    /// <summary>The alert's words as the privacy settings let them be shown (alerts are stored as raised, with names).</summary>
    public AlertResponse Private(AlertPrivacy privacy, TimeZoneInfo zone)
    {
        var words = privacy.Apply(TeamId, Week(LastEvaluatedAt, zone), new AlertWords(Summary, Evidence, ResolvedReason));
        return this with { Summary = words.Summary, Evidence = words.Evidence, ResolvedReason = words.ResolvedReason };
    }

    /// <summary>The week an alert is read in, for its team's group size: the organisation's week of its last evaluation.</summary>
    public static IsoWeek Week(DateTimeOffset lastEvaluatedAt, TimeZoneInfo zone) => IsoWeek.FromInstant(lastEvaluatedAt, zone);
}
