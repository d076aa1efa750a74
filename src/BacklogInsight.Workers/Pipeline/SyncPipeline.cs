using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Writing;
using BacklogInsight.Workers.Classification;
using BacklogInsight.Workers.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Pipeline;

/// <summary>
/// One sync of one connection: discover, then read changes page by page from the stored checkpoint, storing each
/// page with its checkpoint. Holds the connection's lease throughout, so no two processes sync it at once.
/// </summary>
public sealed class SyncPipeline(
    BacklogDbContext db,
    IBacklogSourceFactory sources,
    ChangeWriter writer,
    SyncLease lease,
    SyncRunRecorder recorder,
    PageClassifier classifier,
    IOptions<OrganisationOptions> organisation,
    IOptions<SyncOptions> options,
    ILogger<SyncPipeline> logger)
{
    public async Task<SyncRun> RunAsync(Guid connectionId, Guid runId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ConnectionId"] = connectionId, ["RunId"] = runId });
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken)
            ?? throw new ConnectionNotFoundException(connectionId.ToString());
        var holder = LeaseHolderName.ForThisProcess();
        var leaseDuration = options.Value.LeaseDuration;
        if (!await lease.TryAcquireAsync(connectionId, holder, leaseDuration, cancellationToken))
        {
            await recorder.FailAsync(runId, "Another sync of this connection is already running.", cancellationToken);
            throw new SyncAlreadyRunningException(connection.Name);
        }

        try
        {
            await recorder.StartAsync(connectionId, runId, cancellationToken);
            SyncLog.Started(logger, connection.Name, connection.Kind);
            var source = sources.Create(connection);

            var catalogue = await source.DiscoverAsync(cancellationToken);
            await writer.WriteCatalogueAsync(connectionId, catalogue.Teams, catalogue.People, catalogue.Sprints, cancellationToken);
            await recorder.AddRequestsAsync(runId, catalogue.Requests, cancellationToken);
            SyncLog.Discovered(logger, catalogue.Teams.Count, catalogue.People.Count, catalogue.Sprints.Count);
            var zone = organisation.Value.Zone;
            var people = catalogue.People.DistinctBy(p => p.SourceId).ToDictionary(p => p.SourceId, StringComparer.Ordinal);

            var checkpoint = await db.SyncStates.AsNoTracking()
                .Where(s => s.ConnectionId == connectionId).Select(s => s.Checkpoint).SingleAsync(cancellationToken);
            await foreach (var page in source.ReadChangesAsync(checkpoint is null ? null : new SyncCheckpoint(checkpoint), cancellationToken))
            {
                classifier.Classify(connection.Kind, page.Changes, people);
                PlaceInTeamWeeks(page.Changes, zone);
                var written = await writer.WritePageAsync(ToPageWrite(connectionId, runId, holder, leaseDuration, page), cancellationToken);
                SyncLog.PageStored(logger, written.Items, written.ActivitiesAdded, written.ActivitiesAlreadyStored, page.Checkpoint.Value);
            }

            var run = await recorder.SucceedAsync(connectionId, runId, cancellationToken);
            SyncLog.Finished(logger, run.Pages, run.Items, run.ActivitiesAdded, run.Requests, run.Retries);
            return run;
        }
        catch (Exception exception)
        {
            var error = SyncErrorDescriber.Describe(exception, cancellationToken);
            SyncLog.Failed(logger, exception, error);
            await recorder.FailAsync(runId, error, CancellationToken.None);
            throw;
        }
        finally
        {
            await lease.ReleaseAsync(connectionId, holder, CancellationToken.None);
        }
    }

    private static void PlaceInTeamWeeks(IReadOnlyList<WorkItemChange> changes, TimeZoneInfo zone)
    {
        foreach (var change in changes)
        {
            foreach (var activity in change.Activities)
            {
                activity.TeamSourceId = change.Item.TeamSourceId;
                activity.Week = IsoWeek.FromInstant(activity.OccurredAt, zone);
            }
        }
    }

    private static PageWrite ToPageWrite(Guid connectionId, Guid runId, string holder, TimeSpan leaseDuration, ChangePage page) => new()
    {
        ConnectionId = connectionId,
        RunId = runId,
        LeaseHolder = holder,
        LeaseDuration = leaseDuration,
        Items = page.Changes.Select(c => c.Item).ToList(),
        Activities = page.Changes.SelectMany(c => c.Activities).ToList(),
        Checkpoint = page.Checkpoint.Value,
        Requests = page.Requests,
        Retries = page.Retries,
        ChangelogsCompleted = page.ChangelogsCompleted,
    };
}
