using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Queries;
using BacklogInsight.Workers.Organisation;
using BacklogInsight.Workers.Pipeline;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Alerts;

/// <summary>
/// Evaluates every rule for every team and enabled connection and applies the findings to the stored alerts. Runs
/// daily (<see cref="RecurringJobId"/>) and after each analysis (a sync that added activities, a reclassification).
/// Instants are UTC; evidence writes dates in the organisation's time zone.
/// </summary>
[AutomaticRetry(Attempts = 2)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed class EvaluateAlertsJob(
    BacklogDbContext db,
    AlertInputQueries inputs,
    AlertSettings settings,
    AlertLifecycle lifecycle,
    TimeProvider time,
    IOptions<OrganisationOptions> organisation,
    IOptions<SyncOptions> sync,
    ILogger<EvaluateAlertsJob> logger)
{
    public const string RecurringJobId = "alerts-daily";

    private const int RecentRuns = 20;

    public async Task<AlertEvaluationResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = organisation.Value.Zone;
        var snapshot = await settings.LoadAsync(cancellationToken);
        var findings = new List<EvaluatedFinding>();

        var teamEvaluator = new TeamAlertEvaluator(zone);
        var teams = await inputs.TeamInputsAsync(now, zone, snapshot.For, cancellationToken);
        foreach (var team in teams)
        {
            findings.AddRange(teamEvaluator.Evaluate(team, snapshot.For(team.TeamId), now)
                .Select(f => new EvaluatedFinding(f, team.TeamId, team.TeamName, team.ConnectionId)));
        }

        var syncEvaluator = new SyncAlertEvaluator(zone);
        var connections = await SyncInputsAsync(now, cancellationToken);
        findings.AddRange(connections.Select(c => new EvaluatedFinding(syncEvaluator.Evaluate(c, snapshot.Organisation, now), null, null, c.ConnectionId)));

        var result = await lifecycle.ApplyAsync(findings, now, teams.Count, connections.Count, cancellationToken);
        AlertLog.Evaluated(logger, result.Teams, result.Connections, result.Opened, result.Resolved, result.Reminded, result.StillOpen, result.InsufficientData);
        return result;
    }

    private async Task<IReadOnlyList<SyncAlertInput>> SyncInputsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connections = await db.Connections.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken);
        var states = await db.SyncStates.AsNoTracking().ToDictionaryAsync(s => s.ConnectionId, cancellationToken);
        var inputs = new List<SyncAlertInput>(connections.Count);
        foreach (var connection in connections)
        {
            var connectionId = connection.Id;
            var runs = await db.SyncRuns.AsNoTracking()
                .Where(r => r.ConnectionId == connectionId && (r.Status == SyncRunStatus.Succeeded || r.Status == SyncRunStatus.Failed))
                .OrderByDescending(r => r.QueuedAt).Take(RecentRuns)
                .Select(r => new { r.Status, r.Error })
                .ToListAsync(cancellationToken);
            inputs.Add(new SyncAlertInput
            {
                ConnectionId = connectionId,
                ConnectionName = connection.Name,
                CreatedAt = connection.CreatedAt,
                LastSucceededAt = states.GetValueOrDefault(connectionId)?.LastSucceededAt,
                Schedule = SyncScheduleInterval.Of(connection.SyncCron ?? sync.Value.DefaultCron, now),
                RecentRunsSucceeded = runs.Select(r => r.Status == SyncRunStatus.Succeeded).ToList(),
                LastError = runs.FirstOrDefault(r => r.Status == SyncRunStatus.Failed)?.Error,
            });
        }

        return inputs;
    }
}
