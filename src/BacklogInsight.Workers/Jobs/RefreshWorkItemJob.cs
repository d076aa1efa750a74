using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Writing;
using BacklogInsight.Workers.Classification;
using BacklogInsight.Workers.Organisation;
using BacklogInsight.Workers.Pipeline;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Jobs;

/// <summary>
/// Brings one work item forward after a webhook named it: reads it with its whole history and comments, classifies and
/// stores it through the same upsert as a sync (a repeat adds nothing), or marks it deleted when the tracker no longer
/// has it. Polling stays the source of truth; this only shortens the wait. Retried by Hangfire while a sync holds the
/// connection.
/// </summary>
[AutomaticRetry(Attempts = 8, DelaysInSeconds = [15, 30, 60, 120, 300, 600, 900, 1800], OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed partial class RefreshWorkItemJob(
    BacklogDbContext db,
    IBacklogSourceFactory sources,
    SyncLease lease,
    ItemWriter writer,
    WorkItemReconciler reconciler,
    PageClassifier classifier,
    IOptions<OrganisationOptions> organisation,
    IOptions<SyncOptions> options,
    ILogger<RefreshWorkItemJob> logger)
{
    /// <summary>
    /// Refreshes item <paramref name="sourceId"/>. <paramref name="deleted"/>: the event said it was deleted, which is
    /// acted on directly only for sources that cannot read one item.
    /// </summary>
    public async Task RunAsync(Guid connectionId, string sourceId, bool deleted, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return;
        }

        await using var held = await LeaseScope.TryEnterAsync(lease, connectionId, "refresh", options.Value.LeaseDuration, cancellationToken)
            ?? throw new ConnectionBusyException(connection.Name, $"refresh of item {sourceId}");
        if (sources.Create(connection) is not ISingleItemSource source)
        {
            var outcome = deleted && await reconciler.MarkDeletedAsync(connectionId, sourceId, cancellationToken)
                ? "marked deleted"
                : "skipped: this source cannot read one item";
            Refreshed(logger, connection.Name, sourceId, outcome, 0);
            return;
        }

        // A delete event is checked like any other: only the tracker's own "does not exist" marks the item deleted, so a
        // late or out-of-order delivery cannot remove an item that exists.

        var read = await source.ReadItemAsync(sourceId, cancellationToken);
        if (read.Change is not { } change)
        {
            var marked = await reconciler.MarkDeletedAsync(connectionId, sourceId, cancellationToken);
            Refreshed(logger, connection.Name, sourceId, marked ? "gone from the tracker: marked deleted" : "gone from the tracker", read.Requests);
            return;
        }

        var people = await db.People.AsNoTracking().Where(p => p.ConnectionId == connectionId)
            .ToDictionaryAsync(p => p.SourceId, StringComparer.Ordinal, cancellationToken);
        classifier.Classify(connection.Kind, [change], people);
        var zone = organisation.Value.Zone;
        foreach (var activity in change.Activities)
        {
            activity.TeamSourceId = change.Item.TeamSourceId;
            activity.Week = IsoWeek.FromInstant(activity.OccurredAt, zone);
        }

        var added = await writer.WriteAsync(
            new ItemWrite { ConnectionId = connectionId, LeaseHolder = held.Holder, Item = change.Item, Activities = change.Activities },
            cancellationToken);
        Refreshed(logger, connection.Name, sourceId, $"stored with {added} new activities", read.Requests);
    }

    [LoggerMessage(4101, LogLevel.Information, "Connection {Connection}: item {SourceId} refreshed on push: {Outcome} ({Requests} requests)")]
    private static partial void Refreshed(ILogger logger, string connection, string sourceId, string outcome, int requests);
}
