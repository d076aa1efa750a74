using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Aggregates;

/// <summary>
/// Recomputes the counts of the team-weeks that a write touched, from their activities only, inside the caller's
/// transaction. Whatever changed (new activities, a correction, a new taxonomy) the counts of those weeks are exact;
/// no other week is read.
/// </summary>
public sealed class ActivityCountRefresher(BacklogDbContext db)
{
    public async Task RefreshAsync(IEnumerable<TeamWeek> teamWeeks, CancellationToken cancellationToken)
    {
        foreach (var key in teamWeeks.Distinct())
        {
            await db.ActivityCounts
                .Where(c => c.ConnectionId == key.ConnectionId && c.TeamSourceId == key.TeamSourceId && c.Week == key.Week)
                .ExecuteDeleteAsync(cancellationToken);
            var week = WeekKey.ToWeek(key.Week);
            var rows = await db.Activities
                .Where(a => a.ConnectionId == key.ConnectionId && a.TeamSourceId == key.TeamSourceId && a.Week == week && a.Classification != null)
                .Where(a => !db.WorkItems.Any(w => w.ConnectionId == a.ConnectionId && w.SourceId == a.WorkItemSourceId && w.DeletedAt != null))
                .GroupBy(a => new { a.ActorSourceId, a.Classification!.Class })
                .Select(g => new { g.Key.ActorSourceId, g.Key.Class, Count = g.Count(), LastAt = g.Max(a => a.OccurredAt) })
                .ToListAsync(cancellationToken);
            db.ActivityCounts.AddRange(rows.Select(r => new ActivityCount
            {
                ConnectionId = key.ConnectionId,
                TeamSourceId = key.TeamSourceId,
                Week = key.Week,
                ActorSourceId = r.ActorSourceId ?? string.Empty,
                Class = r.Class,
                Count = r.Count,
                LastAt = r.LastAt,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Adds newly stored activities to their counts: a handful of rows per page instead of a recount of whole weeks,
    /// exact because each activity is stored once. Changed classes go through <see cref="RefreshAsync"/> instead.
    /// </summary>
    public async Task AddAsync(IReadOnlyList<Activity> added, CancellationToken cancellationToken)
    {
        var increments = added
            .Where(a => a.TeamSourceId is not null && a.Week is not null && a.Classification is not null)
            .GroupBy(a => (Key: new TeamWeek(a.ConnectionId, a.TeamSourceId!, WeekKey.Of(a.Week!.Value)), Actor: a.ActorSourceId ?? string.Empty, a.Classification!.Class))
            .Select(g => new ActivityCount
            {
                ConnectionId = g.Key.Key.ConnectionId,
                TeamSourceId = g.Key.Key.TeamSourceId,
                Week = g.Key.Key.Week,
                ActorSourceId = g.Key.Actor,
                Class = g.Key.Class,
                Count = g.Count(),
                LastAt = g.Max(a => a.OccurredAt),
            })
            .ToList();
        if (db.Database.IsSqlite())
        {
            SqliteActivityCountIncrementer.Add(db, increments, cancellationToken);
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await UpsertOnPostgresAsync(increments, cancellationToken);
            return;
        }

        foreach (var teamWeek in increments.GroupBy(i => (i.ConnectionId, i.TeamSourceId, i.Week)))
        {
            var key = teamWeek.Key;
            var rows = await db.ActivityCounts
                .Where(c => c.ConnectionId == key.ConnectionId && c.TeamSourceId == key.TeamSourceId && c.Week == key.Week)
                .ToDictionaryAsync(c => (c.ActorSourceId, c.Class), cancellationToken);
            foreach (var increment in teamWeek)
            {
                if (rows.TryGetValue((increment.ActorSourceId, increment.Class), out var row))
                {
                    row.Count += increment.Count;
                    row.LastAt = increment.LastAt > row.LastAt ? increment.LastAt : row.LastAt;
                }
                else
                {
                    db.ActivityCounts.Add(increment);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// All of a page's increments in one statement: the rows as arrays, unnested, added to existing counts on conflict.
    /// One round trip per page whatever the number of team-weeks it touched.
    /// </summary>
    private async Task UpsertOnPostgresAsync(
        List<ActivityCount> increments,
        CancellationToken cancellationToken)
    {
        if (increments.Count == 0)
        {
            return;
        }

        var connections = increments.Select(i => i.ConnectionId).ToArray();
        var teams = increments.Select(i => i.TeamSourceId).ToArray();
        var weeks = increments.Select(i => i.Week).ToArray();
        var actors = increments.Select(i => i.ActorSourceId).ToArray();
        var classes = increments.Select(i => i.Class.ToString()).ToArray();
        var counts = increments.Select(i => i.Count).ToArray();
        var lastAts = increments.Select(i => i.LastAt.ToUniversalTime()).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ActivityCounts" ("ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class", "Count", "LastAt")
            SELECT * FROM unnest({connections}::uuid[], {teams}::text[], {weeks}::integer[], {actors}::text[], {classes}::text[],
                {counts}::integer[], {lastAts}::timestamptz[])
            ON CONFLICT ("ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class") DO UPDATE
            SET "Count" = "ActivityCounts"."Count" + EXCLUDED."Count", "LastAt" = GREATEST("ActivityCounts"."LastAt", EXCLUDED."LastAt")
            """, cancellationToken);
    }

    /// <summary>Recounts every team-week that holds an activity of these items (after items were deleted or restored).</summary>
    public async Task RefreshItemsAsync(Guid connectionId, IReadOnlyCollection<string> itemSourceIds, CancellationToken cancellationToken)
    {
        var teamWeeks = new HashSet<TeamWeek>();
        foreach (var chunk in itemSourceIds.Chunk(500))
        {
            var rows = await db.Activities.AsNoTracking()
                .Where(a => a.ConnectionId == connectionId && chunk.Contains(a.WorkItemSourceId) && a.TeamSourceId != null && a.Week != null)
                .Select(a => new { a.TeamSourceId, a.Week })
                .Distinct()
                .ToListAsync(cancellationToken);
            teamWeeks.UnionWith(rows.Select(r => new TeamWeek(connectionId, r.TeamSourceId!, WeekKey.Of(r.Week!.Value))));
        }

        await RefreshAsync(teamWeeks, cancellationToken);
    }

    /// <summary>The team-weeks these activities count in.</summary>
    public static IEnumerable<TeamWeek> TouchedBy(IEnumerable<Activity> activities) =>
        activities.Where(a => a.TeamSourceId is not null && a.Week is not null)
            .Select(a => new TeamWeek(a.ConnectionId, a.TeamSourceId!, WeekKey.Of(a.Week!.Value)));
}
