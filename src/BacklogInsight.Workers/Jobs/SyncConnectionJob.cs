using BacklogInsight.Workers.Alerts;
using BacklogInsight.Workers.Pipeline;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Workers.Jobs;

/// <summary>
/// Syncs one connection. Not retried by Hangfire: a failed run is recorded, and the next scheduled run resumes from
/// the last stored page. One run at a time per connection is guaranteed by the lease in <see cref="SyncPipeline"/>,
/// across every process sharing the database.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
[Queue(JobQueues.Sync)]
public sealed class SyncConnectionJob(SyncPipeline pipeline, SyncRunRecorder recorder, AlertEvaluationTrigger alerts, ILogger<SyncConnectionJob> logger)
{
    /// <summary>Runs a queued run (from the API) or, with no run id, a scheduled one.</summary>
    public async Task RunAsync(Guid connectionId, Guid? runId, CancellationToken cancellationToken)
    {
        var id = runId ?? (await recorder.QueueAsync(connectionId, "schedule", cancellationToken)).Id;
        try
        {
            var run = await pipeline.RunAsync(connectionId, id, cancellationToken);
            if (run.ActivitiesAdded > 0)
            {
                alerts.AfterAnalysis();
            }
        }
        catch (SyncAlreadyRunningException exception)
        {
            // Expected when a schedule fires during a long sync: the running one covers it.
            logger.LogInformation("{Message} Skipping run {RunId}.", exception.Message, id);
        }
    }

    /// <summary>The stable recurring job id of a connection.</summary>
    public static string RecurringJobId(Guid connectionId) => $"sync:{connectionId}";
}
