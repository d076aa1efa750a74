using BacklogInsight.Storage;
using BacklogInsight.Storage.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Queues again the pending deliveries that are overdue and not being sent: their job was lost (the process stopped
/// between storing a delivery and queueing it, or while sending). Queueing one twice is harmless: only one claim wins.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class SweepNotificationsJob(BacklogDbContext db, IBackgroundJobClient jobs, TimeProvider time, ILogger<SweepNotificationsJob> logger)
{
    public const string RecurringJobId = "notifications:sweep";

    /// <summary>How late a due delivery may be before it counts as lost rather than about to run.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var overdue = now - Grace;
        var ids = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Status == NotificationDeliveryStatus.Pending && d.NextAttemptAt <= overdue && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            jobs.Enqueue<DeliverNotificationJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        if (ids.Count > 0)
        {
            NotificationLog.Swept(logger, ids.Count);
        }

        return ids.Count;
    }
}
