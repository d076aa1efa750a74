using System.Diagnostics;
using System.Text.Json;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Makes the due attempt of a delivery: claims it (so no other worker sends it at the same time), sends it over its
/// channel, records the attempt, and then marks it delivered, schedules the next attempt with backoff, or gives up.
/// One delivery at a time: a slow or failing channel holds up nothing but its own messages.
/// </summary>
public sealed class NotificationDispatcher(
    BacklogDbContext db,
    ProtectedChannelSecrets secrets,
    NotificationOutbox outbox,
    IEnumerable<IChannelNotifier> notifiers,
    IBackgroundJobClient jobs,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>
    /// The recorded attempt; null when no attempt was due (delivered, given up, not due yet, being sent elsewhere, or gone).
    /// With <paramref name="retry"/> false a failure is final.
    /// </summary>
    public async Task<NotificationAttempt?> DeliverAsync(long deliveryId, bool retry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lease = now + options.Value.RequestTimeout + TimeSpan.FromMinutes(1);
        var claimed = await db.NotificationDeliveries
            .Where(d => d.Id == deliveryId && d.Status == NotificationDeliveryStatus.Pending && d.NextAttemptAt <= now
                        && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LockedUntil, lease), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var delivery = await db.NotificationDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var channel = await db.NotificationChannels.AsNoTracking().SingleAsync(c => c.Id == delivery.ChannelId, cancellationToken);
        var number = delivery.Attempts + 1;
        var started = Stopwatch.GetTimestamp();
        var result = await SendAsync(channel, delivery, number, cancellationToken);
        var attempt = new NotificationAttempt
        {
            DeliveryId = delivery.Id,
            Number = number,
            StartedAt = now,
            DurationMilliseconds = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            Succeeded = result.Succeeded,
            StatusCode = result.StatusCode,
            Reply = Cut(result.Reply, 500),
            Error = Cut(result.Error, 1000),
        };
        db.NotificationAttempts.Add(attempt);
        var retryAt = Settle(delivery, channel, attempt, result, retry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            NotificationLog.Vanished(logger, deliveryId);
            db.ChangeTracker.Clear();
            return null;
        }

        db.ChangeTracker.Clear();
        if (retryAt is { } at)
        {
            jobs.Schedule<DeliverNotificationJob>(job => job.RunAsync(deliveryId, CancellationToken.None), at - time.GetUtcNow());
        }

        return attempt;
    }

    /// <summary>Sends a test message to the channel now, once, and returns the attempt (recorded with the channel's deliveries).</summary>
    public async Task<NotificationAttempt> SendTestAsync(NotificationChannel channel, CancellationToken cancellationToken)
    {
        var id = await outbox.AddTestAsync(channel, cancellationToken);
        return await DeliverAsync(id, retry: false, cancellationToken)
            ?? throw new InvalidOperationException($"The test delivery {id} could not be claimed.");
    }

    private async Task<AttemptResult> SendAsync(NotificationChannel channel, NotificationDelivery delivery, int number, CancellationToken cancellationToken)
    {
        var notifier = notifiers.SingleOrDefault(n => n.Kind == channel.Kind);
        if (notifier is null)
        {
            return AttemptResult.Failure($"No sender for channel kind '{channel.Kind}'.", retryable: false);
        }

        try
        {
            var message = JsonSerializer.Deserialize<NotificationMessage>(delivery.MessageJson, NotificationJson.Options)!;
            var channelSecrets = await secrets.GetAllAsync(channel.Id, cancellationToken);
            return await notifier.SendAsync(new OutgoingNotification(channel, channelSecrets, delivery.Id, delivery.IdempotencyKey, number, message), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A stored message or secret that cannot be read (a lost key ring, say) will not read better later.
            return AttemptResult.Failure($"The message could not be prepared: {exception.GetType().Name}: {exception.Message}", retryable: false);
        }
    }

    /// <summary>Updates the delivery after an attempt; returns when to try again, if it should be.</summary>
    private DateTimeOffset? Settle(NotificationDelivery delivery, NotificationChannel channel, NotificationAttempt attempt, AttemptResult result, bool retry)
    {
        var finished = time.GetUtcNow();
        delivery.Attempts = attempt.Number;
        delivery.LockedUntil = null;
        if (result.Succeeded)
        {
            delivery.Status = NotificationDeliveryStatus.Delivered;
            delivery.CompletedAt = finished;
            delivery.LastError = null;
            NotificationLog.Delivered(logger, delivery.IdempotencyKey, channel.Name, channel.Kind, attempt.Number, attempt.DurationMilliseconds);
            return null;
        }

        delivery.LastError = attempt.Error;
        if (retry && result.Retryable && attempt.Number < options.Value.MaxAttempts)
        {
            delivery.NextAttemptAt = finished + DeliveryBackoff.Delay(attempt.Number, options.Value, Random.Shared.NextDouble());
            NotificationLog.Retrying(logger, attempt.Number, delivery.IdempotencyKey, channel.Name, channel.Kind, attempt.Error ?? "unknown", delivery.NextAttemptAt);
            return delivery.NextAttemptAt;
        }

        delivery.Status = NotificationDeliveryStatus.Failed;
        delivery.CompletedAt = finished;
        NotificationLog.GaveUp(logger, delivery.IdempotencyKey, channel.Name, channel.Kind, attempt.Number, attempt.Error ?? "unknown");
        return null;
    }

    private static string? Cut(string? text, int limit) => text is null || text.Length <= limit ? text : text[..limit];
}
