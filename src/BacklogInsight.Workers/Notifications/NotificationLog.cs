using Microsoft.Extensions.Logging;

namespace BacklogInsight.Workers.Notifications;

/// <summary>The events of notification delivery. Channel names and ids only: never a URL, secret or address list.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(2000, LogLevel.Information, "Queued {Count} deliveries of {IdempotencyKey}")]
    public static partial void Queued(ILogger logger, int count, string idempotencyKey);

    [LoggerMessage(2001, LogLevel.Information, "Delivered {IdempotencyKey} to channel {ChannelName} ({Kind}) on attempt {Attempt} in {DurationMs} ms")]
    public static partial void Delivered(ILogger logger, string idempotencyKey, string channelName, string kind, int attempt, int durationMs);

    [LoggerMessage(2002, LogLevel.Warning, "Attempt {Attempt} of {IdempotencyKey} to channel {ChannelName} ({Kind}) failed: {Error}; next attempt at {NextAttemptAt}")]
    public static partial void Retrying(ILogger logger, int attempt, string idempotencyKey, string channelName, string kind, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(2003, LogLevel.Error, "Gave up delivering {IdempotencyKey} to channel {ChannelName} ({Kind}) after {Attempts} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, string idempotencyKey, string channelName, string kind, int attempts, string error);

    [LoggerMessage(2004, LogLevel.Information, "Delivery {DeliveryId} disappeared while it was sent (its channel was deleted)")]
    public static partial void Vanished(ILogger logger, long deliveryId);

    [LoggerMessage(2005, LogLevel.Information, "Queued {Count} pending deliveries again")]
    public static partial void Swept(ILogger logger, int count);
}
