using System.Text.Json;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// The JSON body of a generic webhook: the event, the idempotency key as <c>id</c>, the message in words, and the alert
/// notice or the whole stored report for receivers that process them. The same message always gives the same body.
/// </summary>
public static class WebhookPayload
{
    public static string Build(NotificationMessage message, string idempotencyKey) => JsonSerializer.Serialize(
        new
        {
            type = message.Event,
            id = idempotencyKey,
            occurredAt = message.OccurredAt,
            title = message.Title,
            summary = message.Summary,
            lines = message.Lines,
            link = message.Link,
            severity = message.Severity,
            alert = message.Alert,
            report = message.Report,
        },
        NotificationJson.Options);
}
