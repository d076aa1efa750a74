using System.Globalization;
using BacklogInsight.Storage.Notifications;
using BacklogInsight.Workers.Notifications;

namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>The answer to <c>POST /api/notification-channels/{id}/test</c>: whether the test message arrived, in plain words.</summary>
public sealed record ChannelTestResponse(bool Delivered, string Message, long DeliveryId, NotificationAttemptResponse Attempt)
{
    public static ChannelTestResponse From(NotificationChannel channel, NotificationAttempt attempt)
    {
        var took = string.Create(CultureInfo.InvariantCulture, $"{attempt.DurationMilliseconds} ms");
        var message = attempt.Succeeded
            ? channel.Kind == ChannelKinds.Email
                ? $"Delivered: the SMTP server accepted the message in {took}" + (attempt.Reply is { } reply ? $" ({reply})." : ".")
                : $"Delivered: the receiver answered {attempt.StatusCode} in {took}."
            : $"Not delivered: {attempt.Error}";
        return new ChannelTestResponse(attempt.Succeeded, message, attempt.DeliveryId, NotificationAttemptResponse.From(attempt));
    }
}
