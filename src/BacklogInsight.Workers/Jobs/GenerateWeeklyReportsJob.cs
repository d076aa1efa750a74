using BacklogInsight.Workers.Notifications;
using BacklogInsight.Workers.Reports;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Workers.Jobs;

/// <summary>Stores the reports of the ISO week that just ended (in the organisation's zone); never overwrites one.</summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class GenerateWeeklyReportsJob(WeeklyReportService reports, NotificationOutbox notifications, ILogger<GenerateWeeklyReportsJob> logger)
{
    public const string RecurringJobId = "weekly-reports";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var week = reports.CurrentWeek.Previous();
        var written = await reports.GenerateAsync(week, replace: false, cancellationToken);
        logger.LogInformation(written ? "Weekly reports of {Week} generated" : "Weekly reports of {Week} already exist; kept", week.ToString());

        // Also when they existed already: a retry after a crash still delivers them, and the outbox delivers each once.
        await notifications.EnqueueWeeklyReportsAsync(week, cancellationToken);
    }
}
