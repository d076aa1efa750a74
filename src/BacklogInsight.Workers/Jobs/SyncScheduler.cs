using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Alerts;
using BacklogInsight.Workers.Organisation;
using BacklogInsight.Workers.Pipeline;
using BacklogInsight.Workers.Reports;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Jobs;

/// <summary>Registers the recurring jobs (syncs, weekly reports, daily alerts) and enqueues on-demand syncs.</summary>
public sealed class SyncScheduler(
    BacklogDbContext db,
    IBacklogSourceFactory sources,
    IRecurringJobManager recurringJobs,
    IBackgroundJobClient backgroundJobs,
    SyncRunRecorder recorder,
    IOptions<SyncOptions> options,
    IOptions<ReportsOptions> reports,
    IOptions<OrganisationOptions> organisation,
    IOptions<AlertsOptions> alerts)
{
    /// <summary>One recurring job per enabled connection, with a stable id; a disabled connection's job is removed.</summary>
    public async Task ScheduleAllAsync(CancellationToken cancellationToken)
    {
        foreach (var connection in await db.Connections.AsNoTracking().ToListAsync(cancellationToken))
        {
            Schedule(connection);
        }

        recurringJobs.AddOrUpdate<GenerateWeeklyReportsJob>(
            GenerateWeeklyReportsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            reports.Value.Cron, new RecurringJobOptions { TimeZone = organisation.Value.Zone });
        recurringJobs.AddOrUpdate<EvaluateAlertsJob>(
            EvaluateAlertsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            alerts.Value.Cron, new RecurringJobOptions { TimeZone = organisation.Value.Zone });
    }

    public void Schedule(Connection connection)
    {
        var jobId = SyncConnectionJob.RecurringJobId(connection.Id);
        if (!connection.Enabled)
        {
            recurringJobs.RemoveIfExists(jobId);
            recurringJobs.RemoveIfExists(SweepDeletedItemsJob.RecurringJobId(connection.Id));
            return;
        }

        ScheduleSweep(connection);

        var connectionId = connection.Id;
        recurringJobs.AddOrUpdate<SyncConnectionJob>(
            jobId, JobQueues.Sync, job => job.RunAsync(connectionId, null, CancellationToken.None),
            connection.SyncCron ?? options.Value.DefaultCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }

    /// <summary>Queues the refresh of one item a webhook named (or its deletion).</summary>
    public void EnqueueRefresh(Guid connectionId, string sourceId, bool deleted) =>
        backgroundJobs.Enqueue<RefreshWorkItemJob>(job => job.RunAsync(connectionId, sourceId, deleted, CancellationToken.None));

    /// <summary>A recurring deletion sweep for connections whose source can list its ids.</summary>
    private void ScheduleSweep(Connection connection)
    {
        var jobId = SweepDeletedItemsJob.RecurringJobId(connection.Id);
        bool sweeps;
        try
        {
            sweeps = sources.Create(connection) is IDeletionSweepSource;
        }
        catch (Exception exception) when (exception is FormatException or UnsupportedSourceKindException or InvalidOperationException)
        {
            // A connection whose settings cannot make a source gets no sweep; its sync reports the problem.
            sweeps = false;
        }

        if (!sweeps)
        {
            recurringJobs.RemoveIfExists(jobId);
            return;
        }

        var connectionId = connection.Id;
        recurringJobs.AddOrUpdate<SweepDeletedItemsJob>(
            jobId, job => job.RunAsync(connectionId, CancellationToken.None),
            options.Value.DeletionSweepCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }

    /// <summary>Records a queued run and hands it to a worker; returns the run.</summary>
    public async Task<SyncRun> EnqueueAsync(Guid connectionId, string trigger, CancellationToken cancellationToken)
    {
        var run = await recorder.QueueAsync(connectionId, trigger, cancellationToken);
        var runId = run.Id;
        backgroundJobs.Enqueue<SyncConnectionJob>(job => job.RunAsync(connectionId, runId, CancellationToken.None));
        return run;
    }
}
