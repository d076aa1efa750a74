using BacklogInsight.Domain.Balance;
using BacklogInsight.Storage.Aggregates;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// How many people acted on each team's backlog in a week: the group <see cref="PrivacyOptions.MinimumGroupSize"/> is
/// compared with, wherever a person-level view is shown (a team's people and coverage, who did an activity, the
/// organisation's owner and strategist columns, a report's people).
/// </summary>
public static class GroupSizes
{
    /// <summary>People (with an account) acting per connection, team and week, for the given weeks; absent means none.</summary>
    public static async Task<IReadOnlyDictionary<(Guid ConnectionId, string TeamSourceId, IsoWeek Week), int>> ActingPeopleAsync(
        BacklogDbContext db, IReadOnlyCollection<IsoWeek> weeks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = weeks.Select(WeekKey.Of).Distinct().ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<(Guid, string, IsoWeek), int>();
        }

        var rows = await db.ActivityCounts.AsNoTracking()
            .Where(c => keys.Contains(c.Week) && c.ActorSourceId != string.Empty && c.Count > 0)
            .Select(c => new { c.ConnectionId, c.TeamSourceId, c.Week, c.ActorSourceId })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.ConnectionId, r.TeamSourceId, WeekKey.ToWeek(r.Week))).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>People acting on one team's backlog in one week.</summary>
    public static async Task<int> ActingPeopleAsync(BacklogDbContext db, Guid connectionId, string teamSourceId, IsoWeek week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = WeekKey.Of(week);
        return await db.ActivityCounts.AsNoTracking()
            .Where(c => c.ConnectionId == connectionId && c.TeamSourceId == teamSourceId && c.Week == key && c.ActorSourceId != string.Empty && c.Count > 0)
            .Select(c => c.ActorSourceId).Distinct().CountAsync(cancellationToken);
    }
}
