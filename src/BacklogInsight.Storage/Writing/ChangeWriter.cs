using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// Stores what a source read: idempotent upserts keyed by the source's own ids, and the checkpoint advanced in the
/// same transaction as the page it covers, so a run stopped anywhere resumes with no gap and no duplicate.
/// </summary>
public sealed class ChangeWriter(BacklogDbContext db, ActivityCountRefresher counts, SqliteWalCheckpointer checkpointer, TimeProvider time)
{
    /// <summary>Upserts the catalogue (teams, people, sprints) of one connection.</summary>
    public async Task WriteCatalogueAsync(
        Guid connectionId, IReadOnlyList<Team> teams, IReadOnlyList<Person> people, IReadOnlyList<Sprint> sprints,
        CancellationToken cancellationToken)
    {
        EnsureConnection(connectionId, teams.Select(t => t.ConnectionId).Concat(people.Select(p => p.ConnectionId))
            .Concat(sprints.Select(s => s.ConnectionId)));

        var existingTeams = await db.Teams.Where(t => t.ConnectionId == connectionId).ToDictionaryAsync(t => t.SourceId, cancellationToken);
        foreach (var team in teams.DistinctBy(t => t.SourceId))
        {
            if (existingTeams.TryGetValue(team.SourceId, out var stored))
            {
                stored.Name = team.Name;
                stored.OwnerSourceId = team.OwnerSourceId;
            }
            else
            {
                db.Teams.Add(team);
            }
        }

        var existingPeople = await db.People.Where(p => p.ConnectionId == connectionId).ToDictionaryAsync(p => p.SourceId, cancellationToken);
        foreach (var person in people.DistinctBy(p => p.SourceId))
        {
            if (existingPeople.TryGetValue(person.SourceId, out var stored))
            {
                stored.DisplayName = person.DisplayName;
                stored.IsActive = person.IsActive;
                stored.IsBot = person.IsBot;
            }
            else
            {
                db.People.Add(person);
            }
        }

        var existingSprints = await db.Sprints.Where(s => s.ConnectionId == connectionId).ToDictionaryAsync(s => s.SourceId, cancellationToken);
        foreach (var sprint in sprints.DistinctBy(s => s.SourceId))
        {
            if (existingSprints.TryGetValue(sprint.SourceId, out var stored))
            {
                stored.TeamSourceId = sprint.TeamSourceId;
                stored.Name = sprint.Name;
                stored.State = sprint.State;
                stored.StartsAt = sprint.StartsAt;
                stored.EndsAt = sprint.EndsAt;
                stored.Goal = sprint.Goal;
            }
            else
            {
                db.Sprints.Add(sprint);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Upserts one page and, in the same transaction, advances the checkpoint and the run's counters.
    /// Throws <see cref="SyncLeaseLostException"/> if another process took the connection's lease meanwhile.
    /// </summary>
    public async Task<PageWriteResult> WritePageAsync(PageWrite page, CancellationToken cancellationToken) =>
        (await WritePagesAsync([page], cancellationToken))[0];

    /// <summary>
    /// Upserts consecutive pages of one run in one transaction and advances the checkpoint to the last of them, so
    /// the checkpoint never passes data that is not committed. One commit for several pages writes each touched index
    /// page once instead of once per page: on SQLite most of a page's cost is rewriting the same index pages.
    /// Throws <see cref="SyncLeaseLostException"/> if another process took the connection's lease meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<PageWriteResult>> WritePagesAsync(IReadOnlyList<PageWrite> pages, CancellationToken cancellationToken)
    {
        if (pages.Count == 0)
        {
            return [];
        }

        var first = pages[0];
        var connectionId = first.ConnectionId;
        if (pages.Any(p => p.ConnectionId != connectionId || p.RunId != first.RunId || p.LeaseHolder != first.LeaseHolder))
        {
            throw new InvalidOperationException("Pages stored together belong to one run of one connection.");
        }

        foreach (var page in pages)
        {
            EnsureConnection(connectionId, page.Items.Select(i => i.ConnectionId).Concat(page.Activities.Select(a => a.ConnectionId)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await LockSyncStateAsync(connectionId, cancellationToken);
        var now = time.GetUtcNow();
        // A lapsed lease that nobody took is still ours: renewing it below, in this transaction, is safe.
        if (state.LeaseHolder != first.LeaseHolder)
        {
            throw new SyncLeaseLostException(connectionId);
        }

        var isSqlite = db.Database.IsSqlite();
        var results = new List<PageWriteResult>(pages.Count);
        var allAdded = new List<Activity>();
        var restored = new List<string>();
        var items = 0;
        foreach (var page in pages)
        {
            var itemIds = page.Items.Select(i => i.SourceId).Distinct().ToList();
            IReadOnlyList<Activity> added;
            if (isSqlite)
            {
                added = await WriteWithSqliteAsync(page, itemIds, restored, cancellationToken);
            }
            else
            {
                // Saved page by page, so the next page of the group finds this one's rows.
                added = await WriteWithTrackingAsync(page, itemIds, restored, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                if (db.Database.IsNpgsql())
                {
                    // One binary COPY per page instead of a row-by-row insert through the change tracker.
                    await PostgresActivityInserter.InsertAsync(db, added, cancellationToken);
                }
            }

            items += itemIds.Count;
            allAdded.AddRange(added);
            results.Add(new PageWriteResult(itemIds.Count, added.Count, page.Activities.Count - added.Count));
        }

        state.Checkpoint = pages[^1].Checkpoint;
        state.LeaseExpiresAt = now + first.LeaseDuration;

        var run = await db.SyncRuns.SingleAsync(r => r.Id == first.RunId, cancellationToken);
        run.Pages += pages.Count;
        run.Requests += pages.Sum(p => p.Requests);
        run.Retries += pages.Sum(p => p.Retries);
        run.ChangelogsCompleted += pages.Sum(p => p.ChangelogsCompleted);
        run.ItemsRestored += restored.Count;
        run.Items += items;
        run.ActivitiesAdded += allAdded.Count;
        run.HeartbeatAt = now;

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await counts.AddAsync(allAdded, cancellationToken);
        if (restored.Count > 0)
        {
            // Their stored activities count again: recount the weeks they fall in.
            await counts.RefreshItemsAsync(connectionId, restored.Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (isSqlite)
        {
            // The copy into the database file happens on the checkpointer's thread while the next pages are written.
            checkpointer.Request(db.Database.GetConnectionString()!);
        }

        return results;
    }

    /// <summary>Set-based upserts: no stored row is read, the unique indexes keep re-reads from duplicating.</summary>
    private async Task<IReadOnlyList<Activity>> WriteWithSqliteAsync(
        PageWrite page, IReadOnlyList<string> itemIds, List<string> restored, CancellationToken cancellationToken)
    {
        var connectionId = page.ConnectionId;
        var deleted = (await db.WorkItems.AsNoTracking()
            .Where(w => w.ConnectionId == connectionId && w.DeletedAt != null && itemIds.Contains(w.SourceId))
            .Select(w => w.SourceId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        restored.AddRange(page.Items.DistinctBy(i => i.SourceId).Where(i => i.DeletedAt is null && deleted.Contains(i.SourceId)).Select(i => i.SourceId));
        SqliteWorkItemUpserter.Upsert(db, page.Items.DistinctBy(i => i.SourceId).ToList(), cancellationToken);
        var added = SqliteActivityInserter.InsertNew(db, page.Activities, cancellationToken);
        return added;
    }

    private async Task<IReadOnlyList<Activity>> WriteWithTrackingAsync(
        PageWrite page, IReadOnlyList<string> itemIds, List<string> restored, CancellationToken cancellationToken)
    {
        var connectionId = page.ConnectionId;
        var storedItems = await db.WorkItems
            .Where(w => w.ConnectionId == connectionId && itemIds.Contains(w.SourceId))
            .ToDictionaryAsync(w => w.SourceId, cancellationToken);
        foreach (var item in page.Items.DistinctBy(i => i.SourceId))
        {
            if (storedItems.TryGetValue(item.SourceId, out var stored))
            {
                if (stored.DeletedAt is not null && item.DeletedAt is null)
                {
                    restored.Add(stored.SourceId);
                }

                WorkItemCopy.Apply(item, stored);
            }
            else
            {
                db.WorkItems.Add(item);
            }
        }

        var keys = page.Activities.Select(a => a.SourceKey).Distinct().ToList();
        var activityItems = page.Activities.Select(a => a.WorkItemSourceId).Distinct().ToList();
        var storedKeys = (await db.Activities
            .Where(a => a.ConnectionId == connectionId && activityItems.Contains(a.WorkItemSourceId) && keys.Contains(a.SourceKey))
            .Select(a => new { a.WorkItemSourceId, a.SourceKey })
            .ToListAsync(cancellationToken)).Select(k => (k.WorkItemSourceId, k.SourceKey)).ToHashSet();
        var added = page.Activities.Where(activity => storedKeys.Add((activity.WorkItemSourceId, activity.SourceKey))).ToList();
        if (!db.Database.IsNpgsql())
        {
            db.Activities.AddRange(added);
        }

        return added;
    }

    /// <summary>
    /// Reads the connection's sync state and, on PostgreSQL, locks its row until the page commits: a process whose lease
    /// lapsed cannot then write alongside the one that took it over (SQLite serialises whole write transactions anyway).
    /// </summary>
    private async Task<ConnectionSyncState> LockSyncStateAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.SyncStates.SingleAsync(s => s.ConnectionId == connectionId, cancellationToken);
        }

        var rows = await db.SyncStates
            .FromSql($"""SELECT * FROM "SyncStates" WHERE "ConnectionId" = {connectionId} FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return rows.Single();
    }

    private static void EnsureConnection(Guid connectionId, IEnumerable<Guid> owners)
    {
        if (owners.Any(owner => owner != connectionId))
        {
            throw new InvalidOperationException($"A source returned data of another connection while syncing {connectionId}.");
        }
    }
}
