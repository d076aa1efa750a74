using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Privacy;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Queries;

/// <summary>Role-balance figures read from the per-week counts, aggregated in the database.</summary>
public sealed class RoleBalanceQueries(BacklogDbContext db, PersonNames? personNames = null)
{
    /// <summary>One team's class counts per week in [first, last]; weeks without activity are absent.</summary>
    public async Task<IReadOnlyList<WeekCounts>> TeamWeeksAsync(Guid connectionId, string teamSourceId, IsoWeek first, IsoWeek last, CancellationToken cancellationToken)
    {
        var from = WeekKey.Of(first);
        var to = WeekKey.Of(last);
        var rows = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.ConnectionId == connectionId && c.TeamSourceId == teamSourceId && c.Week >= from && c.Week <= to)
            .GroupBy(c => new { c.Week, c.Class })
            .Select(g => new { g.Key.Week, g.Key.Class, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Week)
            .Select(g => new WeekCounts(WeekKey.ToWeek(g.Key), ToCounts(g.Select(r => (r.Class, r.Count)))))
            .OrderBy(w => w.Week)
            .ToList();
    }

    /// <summary>Per person: their class counts in <paramref name="week"/> and when they last did strategic and tactical work up to then.</summary>
    public async Task<IReadOnlyList<PersonActivitySummary>> PeopleAsync(Guid connectionId, string teamSourceId, IsoWeek week, CancellationToken cancellationToken)
    {
        var key = WeekKey.Of(week);
        var thisWeek = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.ConnectionId == connectionId && c.TeamSourceId == teamSourceId && c.Week == key)
            .Select(c => new { c.ActorSourceId, c.Class, c.Count })
            .ToListAsync(cancellationToken);
        var last = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.ConnectionId == connectionId && c.TeamSourceId == teamSourceId && c.Week <= key
                && (c.Class == ActivityClass.Strategic || c.Class == ActivityClass.Tactical))
            .GroupBy(c => new { c.ActorSourceId, c.Class })
            .Select(g => new { g.Key.ActorSourceId, g.Key.Class, LastAt = g.Max(c => c.LastAt) })
            .ToListAsync(cancellationToken);
        var actorIds = thisWeek.Select(r => r.ActorSourceId).Concat(last.Select(r => r.ActorSourceId)).Distinct().ToList();
        var names = await db.People.AsNoTracking()
            .Where(p => p.ConnectionId == connectionId && actorIds.Contains(p.SourceId))
            .ToDictionaryAsync(p => p.SourceId, p => p.DisplayName, cancellationToken);
        return actorIds.Where(id => id.Length > 0).Select(id => new PersonActivitySummary
        {
            PersonSourceId = id,
            DisplayName = Name(connectionId, id, names.GetValueOrDefault(id)),
            Counts = ToCounts(thisWeek.Where(r => r.ActorSourceId == id).Select(r => (r.Class, r.Count))),
            LastStrategicAt = last.FirstOrDefault(r => r.ActorSourceId == id && r.Class == ActivityClass.Strategic)?.LastAt,
            LastTacticalAt = last.FirstOrDefault(r => r.ActorSourceId == id && r.Class == ActivityClass.Tactical)?.LastAt,
        }).OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every team's class counts per week in [first, last], in one query: the organisation overview's input.</summary>
    public async Task<IReadOnlyDictionary<(Guid ConnectionId, string TeamSourceId), IReadOnlyList<WeekCounts>>> AllTeamWeeksAsync(
        IsoWeek first, IsoWeek last, CancellationToken cancellationToken)
    {
        var from = WeekKey.Of(first);
        var to = WeekKey.Of(last);
        var rows = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.Week >= from && c.Week <= to)
            .GroupBy(c => new { c.ConnectionId, c.TeamSourceId, c.Week, c.Class })
            .Select(g => new { g.Key.ConnectionId, g.Key.TeamSourceId, g.Key.Week, g.Key.Class, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ConnectionId, r.TeamSourceId)).ToDictionary(
            team => team.Key,
            team => (IReadOnlyList<WeekCounts>)team.GroupBy(r => r.Week)
                .Select(g => new WeekCounts(WeekKey.ToWeek(g.Key), ToCounts(g.Select(r => (r.Class, r.Count)))))
                .OrderBy(w => w.Week).ToList());
    }

    /// <summary>
    /// Every team's people of one week with their counts, and when each last did strategic or tactical work within
    /// <paramref name="lookBackWeeks"/>, in two queries.
    /// </summary>
    public async Task<IReadOnlyDictionary<(Guid ConnectionId, string TeamSourceId), IReadOnlyList<PersonActivitySummary>>> AllPeopleAsync(
        IsoWeek week, int lookBackWeeks, CancellationToken cancellationToken)
    {
        var key = WeekKey.Of(week);
        var since = WeekKey.Of(week.AddWeeks(-lookBackWeeks));
        var thisWeek = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.Week == key && c.ActorSourceId != string.Empty)
            .Select(c => new { c.ConnectionId, c.TeamSourceId, c.ActorSourceId, c.Class, c.Count })
            .ToListAsync(cancellationToken);
        var last = await db.ActivityCounts.AsNoTracking()
            .Where(c => c.Week <= key && c.Week >= since && c.ActorSourceId != string.Empty
                && (c.Class == ActivityClass.Strategic || c.Class == ActivityClass.Tactical))
            .GroupBy(c => new { c.ConnectionId, c.TeamSourceId, c.ActorSourceId, c.Class })
            .Select(g => new { g.Key.ConnectionId, g.Key.TeamSourceId, g.Key.ActorSourceId, g.Key.Class, LastAt = g.Max(c => c.LastAt) })
            .ToListAsync(cancellationToken);
        var names = await db.People.AsNoTracking()
            .Select(p => new { p.ConnectionId, p.SourceId, p.DisplayName })
            .ToDictionaryAsync(p => (p.ConnectionId, p.SourceId), p => p.DisplayName, cancellationToken);
        var counts = thisWeek.ToLookup(r => (r.ConnectionId, r.TeamSourceId, r.ActorSourceId));
        var lastAt = last.ToDictionary(r => (r.ConnectionId, r.TeamSourceId, r.ActorSourceId, r.Class), r => r.LastAt);
        return thisWeek.Select(r => (r.ConnectionId, r.TeamSourceId, r.ActorSourceId))
            .Concat(last.Select(r => (r.ConnectionId, r.TeamSourceId, r.ActorSourceId)))
            .Distinct()
            .GroupBy(p => (p.ConnectionId, p.TeamSourceId))
            .ToDictionary(team => team.Key, team => (IReadOnlyList<PersonActivitySummary>)team.Select(p => new PersonActivitySummary
            {
                PersonSourceId = p.ActorSourceId,
                DisplayName = Name(p.ConnectionId, p.ActorSourceId, names.GetValueOrDefault((p.ConnectionId, p.ActorSourceId))),
                Counts = ToCounts(counts[p].Select(c => (c.Class, c.Count))),
                LastStrategicAt = lastAt.TryGetValue((p.ConnectionId, p.TeamSourceId, p.ActorSourceId, ActivityClass.Strategic), out var s) ? s : null,
                LastTacticalAt = lastAt.TryGetValue((p.ConnectionId, p.TeamSourceId, p.ActorSourceId, ActivityClass.Tactical), out var t) ? t : null,
            }).OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList());
    }

    private static ClassCounts ToCounts(IEnumerable<(ActivityClass Class, int Count)> rows)
    {
        int strategic = 0, tactical = 0, delivery = 0, other = 0;
        foreach (var (activityClass, count) in rows)
        {
            switch (activityClass)
            {
                case ActivityClass.Strategic: strategic += count; break;
                case ActivityClass.Tactical: tactical += count; break;
                case ActivityClass.Delivery: delivery += count; break;
                default: other += count; break;
            }
        }

        return new ClassCounts(strategic, tactical, delivery, other);
    }

    private string Name(Guid connectionId, string sourceId, string? displayName) =>
        personNames?.Show(connectionId, sourceId, displayName) ?? displayName ?? sourceId;
}
