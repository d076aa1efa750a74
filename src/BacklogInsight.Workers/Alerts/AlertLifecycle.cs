using BacklogInsight.Domain.Alerts;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Alerts;

/// <summary>
/// Turns findings into alert transitions: opens one alert per rule and subject (deduplicated), keeps its evidence
/// fresh, reminds while it stays open and unacknowledged, resolves it when the condition clears. Transitions are
/// committed first, then every registered <see cref="IAlertNotifier"/> is told, each once per transition.
/// </summary>
public sealed class AlertLifecycle(
    BacklogDbContext db, IEnumerable<IAlertNotifier> notifiers, IOptions<AlertsOptions> options, ILogger<AlertLifecycle> logger)
{
    public async Task<AlertEvaluationResult> ApplyAsync(
        IReadOnlyList<EvaluatedFinding> findings, DateTimeOffset now, int teams, int connections, CancellationToken cancellationToken)
    {
        var open = await db.Alerts.Where(a => a.State != AlertState.Resolved).ToListAsync(cancellationToken);
        var bySubject = open.ToDictionary(a => (a.RuleId, a.SubjectKey));
        var transitions = new List<(Alert Alert, AlertTransition Transition, int Sequence, EvaluatedFinding Finding)>();
        var insufficient = 0;
        var reminderAfter = TimeSpan.FromDays(options.Value.ReminderAfterDays);
        foreach (var evaluated in findings)
        {
            var finding = evaluated.Finding;
            var existing = bySubject.GetValueOrDefault((finding.Rule.Id, evaluated.SubjectKey));
            switch (finding.Outcome)
            {
                case FindingOutcome.Raised when existing is null:
                    var alert = new Alert
                    {
                        RuleId = finding.Rule.Id,
                        TeamId = evaluated.TeamId,
                        ConnectionId = evaluated.ConnectionId,
                        SubjectKey = evaluated.SubjectKey,
                        Severity = finding.Rule.Severity,
                        OpenedAt = finding.Since is { } since && since <= now ? since : now,
                        RaisedAt = now,
                        Summary = finding.Summary,
                        Evidence = finding.Evidence,
                        LastEvaluatedAt = now,
                    };
                    db.Alerts.Add(alert);
                    transitions.Add((alert, AlertTransition.Opened, 0, evaluated));
                    break;
                case FindingOutcome.Raised:
                    existing!.Summary = finding.Summary;
                    existing.Evidence = finding.Evidence;
                    existing.LastEvaluatedAt = now;
                    if (existing.State == AlertState.Open && now - (existing.LastRemindedAt ?? existing.RaisedAt) >= reminderAfter)
                    {
                        existing.ReminderCount++;
                        existing.LastRemindedAt = now;
                        transitions.Add((existing, AlertTransition.Reminder, existing.ReminderCount, evaluated));
                    }

                    break;
                case FindingOutcome.Clear or FindingOutcome.Dormant when existing is not null:
                    existing.State = AlertState.Resolved;
                    existing.ResolvedAt = now;
                    existing.ResolvedReason = finding.Summary;
                    existing.LastEvaluatedAt = now;
                    transitions.Add((existing, AlertTransition.Resolved, 0, evaluated));
                    break;
                case FindingOutcome.InsufficientData:
                    insufficient++;
                    if (existing is not null)
                    {
                        // Unknown is not "cleared": the alert stays as it was, only marked as looked at.
                        existing.LastEvaluatedAt = now;
                    }

                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (alert, transition, sequence, finding) in transitions)
        {
            await NotifyAsync(ToNotice(alert, transition, sequence, finding, now), cancellationToken);
        }

        var count = (AlertTransition t) => transitions.Count(x => x.Transition == t);
        var stillOpen = await db.Alerts.CountAsync(a => a.State != AlertState.Resolved, cancellationToken);
        return new AlertEvaluationResult(teams, connections, count(AlertTransition.Opened), count(AlertTransition.Resolved), count(AlertTransition.Reminder), stillOpen, insufficient);
    }

    public static AlertNotice ToNotice(Alert alert, AlertTransition transition, int sequence, string? teamName, DateTimeOffset at)
    {
        var rule = AlertRule.Find(alert.RuleId);
        return new AlertNotice(
            alert.Id, alert.RuleId, rule?.Title ?? alert.RuleId, alert.Severity, transition, sequence,
            alert.TeamId, teamName, alert.ConnectionId, alert.Summary, alert.Evidence, DashboardPath(alert.TeamId), at);
    }

    /// <summary>The team's dashboard page, or the overview for connection alerts.</summary>
    public static string DashboardPath(long? teamId) => teamId is { } id ? $"/#/teams/{id}" : "/#/";

    private static AlertNotice ToNotice(Alert alert, AlertTransition transition, int sequence, EvaluatedFinding finding, DateTimeOffset at) =>
        ToNotice(alert, transition, sequence, finding.TeamName, at);

    private async Task NotifyAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        foreach (var notifier in notifiers)
        {
            try
            {
                await notifier.NotifyAsync(notice, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One channel's outbox failing must not hide the transition from the others; the alert itself is committed.
                AlertLog.NotifierFailed(logger, exception, notifier.GetType().Name, notice.AlertId, notice.Transition);
            }
        }
    }
}
