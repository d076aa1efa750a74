namespace BacklogInsight.Storage.Notifications;

/// <summary>
/// One message owed to one channel: the outbox row. Unique per channel and <see cref="IdempotencyKey"/>, so handing the
/// same alert transition over twice delivers it once. Every try is a <see cref="NotificationAttempt"/>.
/// </summary>
public sealed class NotificationDelivery
{
    public long Id { get; init; }

    public Guid ChannelId { get; init; }

    /// <summary>Stable per message, e.g. <c>alert-12-opened-0</c> or <c>report-202647</c>; sent as the <c>Idempotency-Key</c> header.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>What it is about: <c>alert.opened</c>, <c>alert.resolved</c>, <c>alert.reminder</c>, <c>weekly-report</c> or <c>test</c>.</summary>
    public required string Event { get; init; }

    /// <summary>A one-line description shown in the delivery list.</summary>
    public required string Subject { get; init; }

    public long? AlertId { get; init; }

    public long? TeamId { get; init; }

    /// <summary>The message as JSON, fixed when the delivery is created so that every attempt sends the same thing.</summary>
    public required string MessageJson { get; init; }

    public NotificationDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the next attempt is due (while pending).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while one worker is sending it, so that no other sends it at the same time.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The last failure in plain words; null once delivered.</summary>
    public string? LastError { get; set; }
}
