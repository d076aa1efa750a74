using Hangfire;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Makes the due attempt of one delivery. Hangfire does not retry it: the dispatcher schedules the next attempt itself
/// (with backoff and a limit) and records every one; a job that runs when nothing is due does nothing.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class DeliverNotificationJob(NotificationDispatcher dispatcher)
{
    public Task RunAsync(long deliveryId, CancellationToken cancellationToken) =>
        dispatcher.DeliverAsync(deliveryId, retry: true, cancellationToken);
}
