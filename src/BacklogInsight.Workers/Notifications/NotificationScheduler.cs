using Hangfire;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Notifications;

/// <summary>Registers the recurring sweep that re-queues deliveries whose job was lost.</summary>
public sealed class NotificationScheduler(IRecurringJobManager recurringJobs, IOptions<NotificationsOptions> options)
{
    public void Schedule() =>
        recurringJobs.AddOrUpdate<SweepNotificationsJob>(
            SweepNotificationsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            options.Value.SweepCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
}
