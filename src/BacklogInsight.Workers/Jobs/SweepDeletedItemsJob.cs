using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Writing;
using BacklogInsight.Workers.Pipeline;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Jobs;

/// <summary>
/// The periodic, cheap id sweep of one connection: lists the ids and keys of every item in scope, then marks stored
/// items the tracker no longer lists as deleted (soft, out of every balance), restores items listed again, and gives
/// moved items their new key. Recorded as a sync run with trigger <c>sweep</c>. Only a complete listing is reconciled;
/// a listing of nothing while items are stored is refused (a lost permission looks exactly like that).
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed partial class SweepDeletedItemsJob(
    BacklogDbContext db,
    IBacklogSourceFactory sources,
    SyncLease lease,
    SyncRunRecorder recorder,
    WorkItemReconciler reconciler,
    TimeProvider time,
    IOptions<SyncOptions> options,
    ILogger<SweepDeletedItemsJob> logger)
{
    public const string Trigger = "sweep";

    /// <summary>Sweeps the connection; returns the recorded run, or null when the source cannot sweep or the connection was busy.</summary>
    public async Task<SyncRun?> RunAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null || sources.Create(connection) is not IDeletionSweepSource source)
        {
            return null;
        }

        var duration = options.Value.LeaseDuration;
        await using var held = await LeaseScope.TryEnterAsync(lease, connectionId, Trigger, duration, cancellationToken);
        if (held is null)
        {
            Busy(logger, connection.Name);
            return null;
        }

        var run = await recorder.QueueAsync(connectionId, Trigger, cancellationToken);
        var started = time.GetUtcNow();
        await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, SyncRunStatus.Running).SetProperty(r => r.StartedAt, started), cancellationToken);
        try
        {
            var live = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var page in source.ListLiveIdsAsync(cancellationToken))
            {
                foreach (var item in page.Items)
                {
                    live[item.SourceId] = item.Key;
                }

                await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Pages, r => r.Pages + 1)
                    .SetProperty(r => r.Requests, r => r.Requests + page.Requests)
                    .SetProperty(r => r.Retries, r => r.Retries + page.Retries)
                    .SetProperty(r => r.HeartbeatAt, time.GetUtcNow()), cancellationToken);
                await lease.TryAcquireAsync(connectionId, held.Holder, duration, cancellationToken);
            }

            var stored = await db.WorkItems.CountAsync(w => w.ConnectionId == connectionId && w.DeletedAt == null, cancellationToken);
            if (live.Count == 0 && stored > 0)
            {
                throw new InvalidOperationException(
                    $"The tracker listed no items at all while {stored} are stored, so nothing was marked deleted. "
                    + "Check that the account still has the permissions to browse the connection's projects, and that its scope is right.");
            }

            var result = await reconciler.ReconcileAsync(connectionId, live, started - options.Value.SweepIndexLag, run.Id, cancellationToken);
            Swept(logger, connection.Name, live.Count, result.Deleted, result.Moved, result.Restored);
            await db.SyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, SyncRunStatus.Succeeded).SetProperty(r => r.EndedAt, time.GetUtcNow()), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = exception.GetType().Namespace?.StartsWith("BacklogInsight", StringComparison.Ordinal) == true
                || exception is InvalidOperationException
                ? exception.Message
                : SyncErrorDescriber.Describe(exception, cancellationToken);
            SweepFailed(logger, exception, connection.Name, error);
            await recorder.FailAsync(run.Id, "Deletion sweep: " + error, CancellationToken.None);
        }

        return await db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, CancellationToken.None);
    }

    /// <summary>The stable recurring job id of a connection's sweep.</summary>
    public static string RecurringJobId(Guid connectionId) => $"sweep:{connectionId}";

    [LoggerMessage(4201, LogLevel.Information, "Connection {Connection}: sweep listed {Live} items; {Deleted} marked deleted, {Moved} moved, {Restored} restored")]
    private static partial void Swept(ILogger logger, string connection, int live, int deleted, int moved, int restored);

    [LoggerMessage(4202, LogLevel.Information, "Connection {Connection} is busy with a sync; its deletion sweep waits for the next turn")]
    private static partial void Busy(ILogger logger, string connection);

    [LoggerMessage(4203, LogLevel.Warning, "Connection {Connection}: deletion sweep failed: {Error}")]
    private static partial void SweepFailed(ILogger logger, Exception exception, string connection, string error);
}
