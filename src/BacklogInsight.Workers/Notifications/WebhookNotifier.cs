using System.Globalization;
using System.Text.Json;

namespace BacklogInsight.Workers.Notifications;

/// <summary>Posts the JSON payload to a generic webhook, signed with the channel's secret.</summary>
public sealed class WebhookNotifier(NotificationHttpSender http, TimeProvider time) : IChannelNotifier
{
    public string Kind => ChannelKinds.Webhook;

    public Task<AttemptResult> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var url = JsonDocument.Parse(notification.Channel.SettingsJson).RootElement.GetProperty("url").GetString()!;
        var body = WebhookPayload.Build(notification.Message, notification.IdempotencyKey);

        // The timestamp is the moment of this attempt, so a retried message carries a fresh, verifiable signature.
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            [WebhookSignature.TimestampHeader] = timestamp,
            [WebhookSignature.SignatureHeader] = WebhookSignature.Compute(notification.Secret(ChannelKinds.SigningSecret), timestamp, body),
            [WebhookSignature.IdempotencyKeyHeader] = notification.IdempotencyKey,
            [WebhookSignature.EventHeader] = notification.Message.Event,
            [WebhookSignature.DeliveryHeader] = notification.DeliveryId.ToString(CultureInfo.InvariantCulture),
            [WebhookSignature.AttemptHeader] = notification.Attempt.ToString(CultureInfo.InvariantCulture),
        };
        return http.PostJsonAsync(url, body, headers, cancellationToken);
    }
}
