using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Queries;

/// <summary>
/// The alert rules' input for every team, aggregated in the database: window counts from the per-week counts (whole
/// ISO weeks covering each window), exact last instants from their <c>LastAt</c>, and one indexed look-up per team
/// for the words of its last owner decision. A handful of queries whatever the number of teams.
/// </summary>
public sealed class AlertInputQueries(BacklogDbContext db)
{
    public async Task<IReadOnlyList<TeamAlertInput>> TeamInputsAsync(
        DateTimeOffset now, TimeZoneInfo zone, Func<long, AlertThresholds> thresholdsOf, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking()
            .Where(t => db.Connections.Any(c => c.Id == t.ConnectionId && c.Enabled))
            .Select(t => new { t.Id, t.ConnectionId, t.SourceId, t.Name, t.OwnerSourceId })
            .ToListAsync(cancellationToken);
        if (teams.Count == 0)
        {
            return [];
        }

        var people = await db.People.AsNoTracking()
            .Select(p => new { p.ConnectionId, p.SourceId, p.DisplayName, p.IsActive, p.IsBot })
            .ToDictionaryAsync(p => (p.ConnectionId, p.SourceId), cancellationToken);
        var lastAt = await LastInstantsAsync(cancellationToken);
        var firstAt = await FirstActivitiesAsync(cancellationToken);

        var inputs = new List<TeamAlertInput>(teams.Count);
        foreach (var windows in teams.GroupBy(t => Windows(thresholdsOf(t.Id))))
        {
            var counts = await WindowCountsAsync(now, zone, windows.Key.OwnerDays, windows.Key.StrategyDays, cancellationToken);
            var completed = await CompletedStoriesAsync(now, windows.Key.StrategyDays, windows.Key.LookBackDays, cancellationToken);
            foreach (var team in windows)
            {
                var key = (team.ConnectionId, team.SourceId);
                var teamCounts = counts.GetValueOrDefault(key) ?? [];
                var teamLast = lastAt.GetValueOrDefault(key) ?? [];
                var actors = teamCounts.Keys.Concat(teamLast.Keys).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal);
                var work = actors.Select(actor =>
                {
                    var person = people.GetValueOrDefault((team.ConnectionId, actor));
                    var (owner, strategy) = teamCounts.GetValueOrDefault(actor);
                    var last = teamLast.GetValueOrDefault(actor);
                    return new PersonWork
                    {
                        PersonSourceId = actor,
                        DisplayName = person?.DisplayName ?? actor,
                        IsBot = person?.IsBot ?? false,
                        OwnerWindow = owner ?? ClassCounts.Empty,
                        StrategyWindow = strategy ?? ClassCounts.Empty,
                        LastTacticalAt = last.Tactical,
                        LastStrategicAt = last.Strategic,
                    };
                }).OrderBy(p => p.PersonSourceId, StringComparer.Ordinal).ToList();
                var designated = team.OwnerSourceId is { } ownerId
                    ? new TeamOwner(ownerId, people.GetValueOrDefault((team.ConnectionId, ownerId))?.DisplayName ?? ownerId, people.GetValueOrDefault((team.ConnectionId, ownerId))?.IsActive ?? true)
                    : null;
                var lastDecider = work.Where(p => !p.IsBot && p.LastTacticalAt is not null).MaxBy(p => p.LastTacticalAt);
                var done = completed.GetValueOrDefault(key);
                inputs.Add(new TeamAlertInput
                {
                    TeamId = team.Id,
                    TeamName = team.Name,
                    ConnectionId = team.ConnectionId,
                    DesignatedOwner = designated,
                    FirstActivityAt = firstAt.TryGetValue(key, out var first) ? first : null,
                    People = work,
                    LastOwnerDecision = lastDecider is null ? null
                        : await DescribeAsync(team.ConnectionId, team.SourceId, lastDecider, cancellationToken),
                    CompletedStories = done.Completed,
                    CompletedStoriesRollingUp = done.RollingUp,
                });
            }
        }

        return inputs;
    }

    private static (int OwnerDays, int StrategyDays, int LookBackDays) Windows(AlertThresholds limits) =>
        (limits.OwnerWindowDays, limits.StrategyWindowDays, limits.RollUpLookBackDays);

    /// <summary>Per team and actor: class counts over the weeks covering the owner window and the strategy window.</summary>
    private async Task<Dictionary<(Guid, string), Dictionary<string, (ClassCounts? Owner, ClassCounts? Strategy)>>> WindowCountsAsync(
        DateTimeOffset now, TimeZoneInfo zone, int ownerDays, int strategyDays, CancellationToken cancellationToken)
    {
        var nowWeek = WeekKey.Of(IsoWeek.FromInstant(now, zone));
        var ownerFrom = WeekKey.Of(IsoWeek.FromInstant(now.AddDays(-ownerDays), zone));
        var strategyFrom = WeekKey.Of(IsoWeek.FromInstant(now.AddDays(-strategyDays), zone));
        var from = Math.Min(ownerFrom, strategyFrom);
        var rows = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.Week >= from && c.Week <= nowWeek)
            .GroupBy(c => new { c.ConnectionId, c.TeamSourceId, c.ActorSourceId, c.Class })
            .Select(g => new
            {
                g.Key.ConnectionId,
                g.Key.TeamSourceId,
                g.Key.ActorSourceId,
                g.Key.Class,
                Owner = g.Sum(c => c.Week >= ownerFrom ? c.Count : 0),
                Strategy = g.Sum(c => c.Week >= strategyFrom ? c.Count : 0),
            })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ConnectionId, r.TeamSourceId)).ToDictionary(
            team => team.Key,
            team => team.GroupBy(r => r.ActorSourceId, StringComparer.Ordinal).ToDictionary(
                actor => actor.Key,
                actor => ((ClassCounts?)actor.Aggregate(ClassCounts.Empty, (sum, r) => sum.Add(r.Class, r.Owner)),
                    (ClassCounts?)actor.Aggregate(ClassCounts.Empty, (sum, r) => sum.Add(r.Class, r.Strategy))),
                StringComparer.Ordinal));
    }

    /// <summary>Per team and actor: their last strategic and last tactical instant, ever (exact, from the counts' LastAt).</summary>
    private async Task<Dictionary<(Guid, string), Dictionary<string, (DateTimeOffset? Strategic, DateTimeOffset? Tactical)>>> LastInstantsAsync(
        CancellationToken cancellationToken)
    {
        var rows = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.Class == ActivityClass.Strategic || c.Class == ActivityClass.Tactical)
            .GroupBy(c => new { c.ConnectionId, c.TeamSourceId, c.ActorSourceId, c.Class })
            .Select(g => new { g.Key.ConnectionId, g.Key.TeamSourceId, g.Key.ActorSourceId, g.Key.Class, LastAt = g.Max(c => c.LastAt) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ConnectionId, r.TeamSourceId)).ToDictionary(
            team => team.Key,
            team => team.GroupBy(r => r.ActorSourceId, StringComparer.Ordinal).ToDictionary(
                actor => actor.Key,
                actor => (
                    actor.Where(r => r.Class == ActivityClass.Strategic).Select(r => (DateTimeOffset?)r.LastAt).FirstOrDefault(),
                    actor.Where(r => r.Class == ActivityClass.Tactical).Select(r => (DateTimeOffset?)r.LastAt).FirstOrDefault()),
                StringComparer.Ordinal));
    }

    /// <summary>Each team's first stored activity: one MIN per team, each a scan of that team's range of the (connection, team, week, time) index.</summary>
    private async Task<Dictionary<(Guid, string), DateTimeOffset>> FirstActivitiesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Teams.AsNoTracking()
            .Select(t => new
            {
                t.ConnectionId,
                t.SourceId,
                First = db.Activities.Where(a => a.ConnectionId == t.ConnectionId && a.TeamSourceId == t.SourceId)
                    .OrderBy(a => a.OccurredAt).Select(a => (DateTimeOffset?)a.OccurredAt).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // A team without activities reads back as the converter's default rather than null.
        return rows.Where(r => r.First is { } first && first != default).ToDictionary(r => (r.ConnectionId, r.SourceId), r => r.First!.Value);
    }

    /// <summary>
    /// Per team: stories (level 0) done and last updated in the strategy window, and how many sit under a parent or
    /// grandparent with strategic work in the look-back. Stories are grouped by parent in SQL, so only the few
    /// ancestors are read.
    /// </summary>
    private async Task<Dictionary<(Guid, string), (int? Completed, int? RollingUp)>> CompletedStoriesAsync(
        DateTimeOffset now, int strategyDays, int lookBackDays, CancellationToken cancellationToken)
    {
        var from = now.AddDays(-strategyDays);
        var byParent = await db.WorkItems.AsNoTracking()
            .Where(w => w.HierarchyLevel == 0 && w.StatusCategory == StatusCategory.Done && w.UpdatedAt >= from && w.TeamSourceId != null)
            .GroupBy(w => new { w.ConnectionId, w.TeamSourceId, w.ParentSourceId })
            .Select(g => new { g.Key.ConnectionId, g.Key.TeamSourceId, g.Key.ParentSourceId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var strategicAncestors = new HashSet<(Guid, string)>();
        var grandparents = new Dictionary<(Guid, string), string?>();
        var lookBack = now.AddDays(-lookBackDays);
        foreach (var connection in byParent.Where(r => r.ParentSourceId is not null).GroupBy(r => r.ConnectionId))
        {
            var connectionId = connection.Key;
            var parents = connection.Select(r => r.ParentSourceId!).Distinct(StringComparer.Ordinal).ToList();
            var parentRows = await db.WorkItems.AsNoTracking()
                .Where(w => w.ConnectionId == connectionId && parents.Contains(w.SourceId))
                .Select(w => new { w.SourceId, w.ParentSourceId })
                .ToListAsync(cancellationToken);
            foreach (var parent in parentRows)
            {
                grandparents[(connectionId, parent.SourceId)] = parent.ParentSourceId;
            }

            var ancestors = parents.Concat(parentRows.Where(p => p.ParentSourceId is not null).Select(p => p.ParentSourceId!)).Distinct(StringComparer.Ordinal).ToList();
            var strategic = await db.Activities.AsNoTracking()
                .Where(a => a.ConnectionId == connectionId && ancestors.Contains(a.WorkItemSourceId)
                    && a.Classification != null && a.Classification.Class == ActivityClass.Strategic && a.OccurredAt >= lookBack && a.OccurredAt <= now)
                .Select(a => a.WorkItemSourceId).Distinct()
                .ToListAsync(cancellationToken);
            strategicAncestors.UnionWith(strategic.Select(id => (connectionId, id)));
        }

        bool RollsUp(Guid connectionId, string? parent) =>
            parent is not null && (strategicAncestors.Contains((connectionId, parent))
                || (grandparents.GetValueOrDefault((connectionId, parent)) is { } grandparent && strategicAncestors.Contains((connectionId, grandparent))));

        return byParent.GroupBy(r => (r.ConnectionId, r.TeamSourceId!)).ToDictionary(
            team => team.Key,
            team => ((int?)team.Sum(r => r.Count), (int?)team.Where(r => RollsUp(r.ConnectionId, r.ParentSourceId)).Sum(r => r.Count)));
    }

    private async Task<LastActivity?> DescribeAsync(Guid connectionId, string teamSourceId, PersonWork decider, CancellationToken cancellationToken)
    {
        var at = decider.LastTacticalAt!.Value;
        var actor = decider.PersonSourceId;
        var activity = await db.Activities.AsNoTracking()
            .Where(a => a.ConnectionId == connectionId && a.TeamSourceId == teamSourceId && a.OccurredAt == at && a.ActorSourceId == actor
                && a.Classification != null && a.Classification.Class == ActivityClass.Tactical)
            .Select(a => new { a.Kind, a.Field, a.SourceField, a.From, a.To, a.WorkItemSourceId })
            .FirstOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            return new LastActivity(decider.DisplayName, "did owner work", null, null, at);
        }

        var item = await db.WorkItems.AsNoTracking()
            .Where(w => w.ConnectionId == connectionId && w.SourceId == activity.WorkItemSourceId)
            .Select(w => new { w.Key, w.Title })
            .FirstOrDefaultAsync(cancellationToken);
        return new LastActivity(
            decider.DisplayName, ActivityWording.What(activity.Kind, activity.Field, activity.SourceField, activity.From, activity.To),
            item?.Key, item?.Title, at);
    }
}
