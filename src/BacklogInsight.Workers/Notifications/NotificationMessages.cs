using System.Text.Json;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Workers.Notifications;

/// <summary>Builds the messages of alerts, weekly reports and channel tests, in the words the dashboard uses.</summary>
public static class NotificationMessages
{
    public static NotificationMessage ForAlert(AlertNotice notice, string publicBaseUrl)
    {
        var about = notice.TeamName is null ? notice.RuleTitle : $"{notice.RuleTitle} — {notice.TeamName}";
        var what = notice.Transition switch
        {
            AlertTransition.Opened => "Opened",
            AlertTransition.Resolved => "Resolved",
            _ => notice.Sequence > 0 ? $"Reminder {notice.Sequence}" : "Reminder",
        };
        return new NotificationMessage
        {
            Event = NotificationEvents.Of(notice.Transition),
            Title = $"{what}: {about}",
            Summary = notice.Summary,
            Lines = notice.Evidence,
            Link = Absolute(publicBaseUrl, notice.DashboardPath),
            Severity = notice.Severity,
            OccurredAt = notice.OccurredAt,
            Alert = notice,
        };
    }

    public static NotificationMessage ForReport(OrganisationWeeklyReport report, string json, string publicBaseUrl) => new()
    {
        Event = NotificationEvents.WeeklyReport,
        Title = $"Role balance — week {report.Week}",
        Summary = $"{report.TeamsNeedingAttention} of {report.Rows.Count} teams need attention. Organisation balance {Percent.Format(report.Balance)} "
            + $"({report.Totals.Strategic} strategic, {report.Totals.Tactical} tactical, {report.Totals.Delivery} delivery).",
        Lines = report.Rows.Where(r => r.Attention.Count > 0)
            .Select(r => $"{r.TeamName}: balance {Percent.Format(r.Balance)}; {string.Join("; ", r.Attention.Select(Words))}").ToList(),
        Link = Absolute(publicBaseUrl, $"/#/reports?week={report.Week}"),
        OccurredAt = report.GeneratedAt,
        Report = JsonDocument.Parse(json).RootElement.Clone(),
    };

    public static NotificationMessage ForReport(TeamWeeklyReport report, long teamId, string json, string publicBaseUrl) => new()
    {
        Event = NotificationEvents.WeeklyReport,
        Title = $"{report.Team.Name} — week {report.Week}",
        Summary = $"Balance {Percent.Format(report.Balance.Balance)}: {report.Balance.Counts.Strategic} strategic, "
            + $"{report.Balance.Counts.Tactical} tactical, {report.Balance.Counts.Delivery} delivery activities."
            + (report.Attention.Count == 0 ? " Nothing needs attention." : " Needs attention:"),
        Lines = report.Attention.Select(Words).ToList(),
        Link = Absolute(publicBaseUrl, $"/#/teams/{teamId}?week={report.Week}"),
        OccurredAt = report.GeneratedAt,
        Report = JsonDocument.Parse(json).RootElement.Clone(),
        IsTeamReport = true,
    };

    public static NotificationMessage ForTest(string channelName, DateTimeOffset now, string publicBaseUrl) => new()
    {
        Event = NotificationEvents.Test,
        Title = "BacklogInsight test message",
        Summary = $"This is a test of the notification channel '{channelName}'. Alerts routed to it will arrive like this.",
        Link = Absolute(publicBaseUrl, "/"),
        OccurredAt = now,
    };

    private static string Words(AttentionReason reason) => reason switch
    {
        AttentionReason.NoOwnerWorkWhileDelivering => "no owner work while delivery continues",
        AttentionReason.NoStrategicWork => "no strategic work in the trend window",
        AttentionReason.ThinOwnership => "thin ownership",
        AttentionReason.FallingBalance => "balance falling towards tactical work",
        _ => reason.ToString(),
    };

    private static string Absolute(string publicBaseUrl, string path) =>
        string.IsNullOrWhiteSpace(publicBaseUrl) ? path : publicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
