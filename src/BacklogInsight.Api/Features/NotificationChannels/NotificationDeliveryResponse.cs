using BacklogInsight.Storage.Notifications;

namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>One message owed to a channel and every attempt at it, oldest attempt first.</summary>
public sealed record NotificationDeliveryResponse(
    long Id,
    string IdempotencyKey,
    string Event,
    string Subject,
    long? AlertId,
    long? TeamId,
    NotificationDeliveryStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt,
    string? LastError,
    IReadOnlyList<NotificationAttemptResponse> Attempts)
{
    public static NotificationDeliveryResponse From(NotificationDelivery delivery, IEnumerable<NotificationAttempt> attempts) => new(
        delivery.Id, delivery.IdempotencyKey, delivery.Event, delivery.Subject, delivery.AlertId, delivery.TeamId, delivery.Status,
        delivery.CreatedAt, delivery.Status == NotificationDeliveryStatus.Pending ? delivery.NextAttemptAt : null, delivery.CompletedAt,
        delivery.LastError, attempts.OrderBy(a => a.Number).Select(NotificationAttemptResponse.From).ToList());
}
