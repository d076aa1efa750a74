using System.Threading.Channels;
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
/// page with its checkpoint while the next pages are read and classified. Holds the connection's lease throughout,
/// so no two processes sync it at once.
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
    /// <summary>
    /// Pages read and classified ahead of the ones being stored: enough to keep both busy and to let the writer commit
    /// several at once when it falls behind (8 rather than 4 made a 20,000-issue sync's commits 30% larger and fewer,
    /// 6% faster end to end), little memory (a page of 100 issues is about a megabyte).
    /// </summary>
    private const int PagesReadAhead = 8;

    /// <summary>
    /// At most this many activities per transaction: a commit rewrites every index page it touched, so larger groups
    /// write less in all, while the lease is still renewed every few seconds and a stop loses little reading.
    /// </summary>
    private const int MaxActivitiesPerCommit = 25_000;
    private const int FailureRecordAttempts = 5;
    private static readonly TimeSpan FailureRecordPause = TimeSpan.FromSeconds(1);

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
            var start = checkpoint is null ? null : new SyncCheckpoint(checkpoint);
            var pages = Channel.CreateBounded<PageWrite>(new BoundedChannelOptions(PagesReadAhead) { SingleReader = true, SingleWriter = true });
            using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var read = source.ReadChangesAsync(start, stopReading.Token);
            var reading = Task.Run(
                () => ReadAheadAsync(
                    read, pages.Writer, connection.Kind, people, zone,
                    page => ToPageWrite(connectionId, runId, holder, leaseDuration, page), stopReading.Token),
                CancellationToken.None);
            try
            {
                // Pages are stored in the order read, those waiting together in one transaction with the checkpoint of
                // the last; what was read ahead and not stored when a run stops is simply read again by the next run.
                var stored = 0;
                while (await pages.Reader.WaitToReadAsync(cancellationToken))
                {
                    var group = TakeWaitingPages(pages.Reader, maxPages: Math.Max(1, stored / 2));
                    stored += group.Count;
                    var written = await writer.WritePagesAsync(group, cancellationToken);
                    for (var i = 0; i < group.Count; i++)
                    {
                        SyncLog.PageStored(logger, written[i].Items, written[i].ActivitiesAdded, written[i].ActivitiesAlreadyStored, group[i].Checkpoint);
                    }
                }

                await reading;
            }
            finally
            {
                await stopReading.CancelAsync();
                await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            var run = await recorder.SucceedAsync(connectionId, runId, cancellationToken);
            SyncLog.Finished(logger, run.Pages, run.Items, run.ActivitiesAdded, run.Requests, run.Retries);
            return run;
        }
        catch (Exception exception)
        {
            var error = SyncErrorDescriber.Describe(exception, cancellationToken);
            SyncLog.Failed(logger, exception, error);
            await RecordFailureAsync(runId, error);
            throw;
        }
        finally
        {
            await ReleaseLeaseAsync(connectionId, holder);
        }
    }

    /// <summary>
    /// Records why the run failed, even when the database is what failed: a database still busy is tried again a few
    /// times; if the record still cannot be written the original failure is not masked (it is logged and rethrown).
    /// </summary>
    private async Task RecordFailureAsync(Guid runId, string error)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await recorder.FailAsync(runId, error, CancellationToken.None);
                return;
            }
            catch (Exception exception) when (DatabaseBusy.Is(exception) && attempt < FailureRecordAttempts)
            {
                await Task.Delay(FailureRecordPause);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                SyncLog.FailureNotRecorded(logger, exception, error);
                return;
            }
        }
    }

    private async Task ReleaseLeaseAsync(Guid connectionId, string holder)
    {
        try
        {
            await lease.ReleaseAsync(connectionId, holder, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            SyncLog.LeaseNotReleased(logger, exception);
        }
    }

    /// <summary>
    /// Reads, classifies and places pages while the previous page is being stored, so reading and storing overlap;
    /// at most <see cref="PagesReadAhead"/> pages wait. Ends the channel with the reader's error, if any.
    /// </summary>
    private async Task ReadAheadAsync(
        IAsyncEnumerable<ChangePage> read, ChannelWriter<PageWrite> pages, string kind, IReadOnlyDictionary<string, Person> people,
        TimeZoneInfo zone, Func<ChangePage, PageWrite> toWrite, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in read)
            {
                classifier.Classify(kind, page.Changes, people);
                PlaceInTeamWeeks(page.Changes, zone);
                await pages.WriteAsync(toWrite(page), cancellationToken);
            }

            pages.Complete();
        }
        catch (Exception exception)
        {
            pages.TryComplete(exception);
            throw;
        }
    }

    /// <summary>
    /// The pages waiting now, oldest first, up to <paramref name="maxPages"/> and <see cref="MaxActivitiesPerCommit"/>
    /// activities (one page at least). The caller allows half as many pages as the run has stored so far, so a run's first
    /// pages show up one by one and later ones go in groups of up to the whole read-ahead.
    /// </summary>
    private static List<PageWrite> TakeWaitingPages(ChannelReader<PageWrite> pages, int maxPages)
    {
        var group = new List<PageWrite>();
        var activities = 0;
        while (group.Count < maxPages && pages.TryPeek(out var next)
            && (group.Count == 0 || activities + next.Activities.Count <= MaxActivitiesPerCommit)
            && pages.TryRead(out var page))
        {
            group.Add(page);
            activities += page.Activities.Count;
        }

        return group;
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
