using Hangfire;

namespace BacklogInsight.Workers.Alerts;

/// <summary>Queues an alert evaluation after an analysis changed what the rules read (new activities, new classes).</summary>
public sealed class AlertEvaluationTrigger(IBackgroundJobClient jobs)
{
    public void AfterAnalysis() => jobs.Enqueue<EvaluateAlertsJob>(job => job.RunAsync(CancellationToken.None));
}
