using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Workers.Pipeline;

/// <summary>Keeps the <see cref="SyncRun"/> record of a run current: queued, running, and how it ended.</summary>
public sealed class SyncRunRecorder(BacklogDbContext db, TimeProvider time)
{
    /// <summary>Records a run that a worker will pick up.</summary>
    public async Task<SyncRun> QueueAsync(Guid connectionId, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = new SyncRun { Id = Guid.CreateVersion7(now), ConnectionId = connectionId, Trigger = trigger, QueuedAt = now, HeartbeatAt = now };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return run;
    }

    /// <summary>Marks the run started; any other run of the connection still marked running died with its process.</summary>
    public async Task StartAsync(Guid connectionId, Guid runId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.SyncRuns
            .Where(r => r.ConnectionId == connectionId && r.Id != runId && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, SyncRunStatus.Abandoned)
                .SetProperty(r => r.EndedAt, now)
                .SetProperty(r => r.Error, "The process running this sync stopped; the next run resumed from its last stored page."),
                cancellationToken);
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, SyncRunStatus.Running)
            .SetProperty(r => r.StartedAt, now)
            .SetProperty(r => r.HeartbeatAt, now), cancellationToken);
    }

    public async Task AddRequestsAsync(Guid runId, int requests, CancellationToken cancellationToken) =>
        await db.SyncRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Requests, r => r.Requests + requests), cancellationToken);

    public async Task<SyncRun> SucceedAsync(Guid connectionId, Guid runId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.SyncStates.Where(s => s.ConnectionId == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSucceededAt, now), cancellationToken);
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, SyncRunStatus.Succeeded)
            .SetProperty(r => r.EndedAt, now), cancellationToken);
        return await db.SyncRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
    }

    public async Task FailAsync(Guid runId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, SyncRunStatus.Failed)
            .SetProperty(r => r.EndedAt, now)
            .SetProperty(r => r.Error, error), cancellationToken);
    }
}
