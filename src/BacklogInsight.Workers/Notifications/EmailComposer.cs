using System.Net;
using System.Text;
using System.Text.Json;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Workers.Reports;
using MimeKit;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// The e-mail of a message: an HTML body with a plain-text alternative. A weekly report is the report itself (the
/// same self-contained HTML and Markdown the API serves); an alert is a short card of its own. The Message-Id derives
/// from the idempotency key, so mail systems see a retried message as the same message.
/// </summary>
public static class EmailComposer
{
    public static MimeMessage Compose(EmailSettings settings, OutgoingNotification notification)
    {
        var message = new MimeMessage { Subject = Subject(notification.Message) };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.AddRange(settings.To.Select(address => MailboxAddress.Parse(address)));
        message.MessageId = $"{notification.IdempotencyKey}.{notification.Channel.Id:N}@backlog-insight";
        message.Date = notification.Message.OccurredAt;
        message.Headers.Add(WebhookSignature.IdempotencyKeyHeader, notification.IdempotencyKey);
        var (html, text) = Bodies(notification.Message);
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();
        return message;
    }

    private static string Subject(NotificationMessage message) =>
        message.Severity is { } severity ? $"[{severity}] {message.Title}" : message.Title;

    private static (string Html, string Text) Bodies(NotificationMessage message)
    {
        if (message.Report is { } report)
        {
            return WithNotice(
                message.IsTeamReport
                    ? Render(report.Deserialize<TeamWeeklyReport>(WeeklyReportService.Json)!, r => new HtmlReportRenderer().Render(r), r => new MarkdownReportRenderer().Render(r))
                    : Render(report.Deserialize<OrganisationWeeklyReport>(WeeklyReportService.Json)!, r => new HtmlReportRenderer().Render(r), r => new MarkdownReportRenderer().Render(r)),
                report);
        }

        return (Html(message), Text(message));
    }

    private static (string, string) Render<T>(T report, Func<T, string> html, Func<T, string> text) => (html(report), text(report));

    /// <summary>The report's privacy notice (a team's people hidden for its size), atop both bodies as the API shows it.</summary>
    private static (string Html, string Text) WithNotice((string Html, string Text) bodies, JsonElement report)
    {
        var notice = report.TryGetProperty("privacyNotice", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return (PrivateReport.WithNotice(bodies.Html, "text/html", notice), PrivateReport.WithNotice(bodies.Text, "text/markdown", notice));
    }

    private static string Html(NotificationMessage message)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(E(message.Title)).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.4\">")
            .Append("<h2>").Append(E(message.Title)).Append("</h2><p>").Append(E(message.Summary)).Append("</p>");
        if (message.Lines.Count > 0)
        {
            html.Append("<ul>");
            foreach (var line in message.Lines)
            {
                html.Append("<li>").Append(E(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (message.Link is { } link)
        {
            html.Append(message.HasAbsoluteLink
                ? $"<p><a href=\"{E(link)}\">Open in BacklogInsight</a></p>"
                : $"<p>Dashboard: <code>{E(link)}</code></p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Text(NotificationMessage message)
    {
        var text = new StringBuilder(message.Title).Append("\n\n").Append(message.Summary).Append('\n');
        foreach (var line in message.Lines)
        {
            text.Append("\n- ").Append(line);
        }

        if (message.Link is { } link)
        {
            text.Append("\n\n").Append(link);
        }

        return text.Append('\n').ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
