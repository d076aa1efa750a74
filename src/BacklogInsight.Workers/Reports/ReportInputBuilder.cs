using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Reports;

/// <summary>
/// Gathers what the report builder needs for one team and week from storage: the counts of the trend and comparison
/// weeks, the people, and the notable activity of the week (epics created, acceptances, rejections, reprioritisations,
/// sprint scope changes).
/// </summary>
public sealed class ReportInputBuilder(BacklogDbContext db, RoleBalanceQueries queries, IOptions<ReportOptions> options)
{
    private const int MaxNotable = 25;
    private ReportOptions Options => options.Value;

    private BalanceOptions Balance => options.Value.Balance;

    public async Task<TeamWeeklyInput> BuildAsync(Team team, IsoWeek week, CancellationToken cancellationToken)
    {
        var first = week.AddWeeks(-(Options.TrendWeeks - 1 + Balance.ComparisonWeeks));
        var weeks = await queries.TeamWeeksAsync(team.ConnectionId, team.SourceId, first, week, cancellationToken);
        var people = await queries.PeopleAsync(team.ConnectionId, team.SourceId, week, cancellationToken);
        var firstSeen = await FirstSeenAsync(team, cancellationToken);
        return new TeamWeeklyInput
        {
            Team = new ReportTeam { SourceId = team.SourceId, Name = team.Name, CreatedAt = firstSeen },
            DesignatedOwnerSourceId = team.OwnerSourceId,
            Weeks = weeks,
            People = people,
            Notable = await NotableAsync(team, week, cancellationToken),
        };
    }

    /// <summary>
    /// The inputs of every team for the organisation overview, from a handful of bulk queries: counts, people and
    /// coverage, but no notable activity (the team reports carry that).
    /// </summary>
    public async Task<IReadOnlyList<(Team Team, TeamWeeklyInput Input)>> BuildOverviewAsync(IReadOnlyList<Team> teams, IsoWeek week, CancellationToken cancellationToken)
    {
        var first = week.AddWeeks(-(Options.TrendWeeks - 1 + Balance.ComparisonWeeks));
        var weeks = await queries.AllTeamWeeksAsync(first, week, cancellationToken);
        var people = await queries.AllPeopleAsync(week, lookBackWeeks: Options.TrendWeeks - 1, cancellationToken);
        var result = new List<(Team, TeamWeeklyInput)>(teams.Count);
        foreach (var team in teams)
        {
            var key = (team.ConnectionId, team.SourceId);
            var teamWeeks = weeks.GetValueOrDefault(key) ?? [];

            // Only a team whose first counted activity falls in this very week can be "created mid-week"; only then is
            // its exact first instant worth a query. Older teams need no creation date in the overview.
            var createdAt = teamWeeks.Count > 0 && teamWeeks.All(w => w.Week >= week) ? await FirstSeenAsync(team, cancellationToken) : null;
            result.Add((team, new TeamWeeklyInput
            {
                Team = new ReportTeam { SourceId = team.SourceId, Name = team.Name, CreatedAt = createdAt },
                DesignatedOwnerSourceId = team.OwnerSourceId,
                Weeks = teamWeeks,
                People = people.GetValueOrDefault(key) ?? [],
            }));
        }

        return result;
    }

    private Task<DateTimeOffset?> FirstSeenAsync(Team team, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking()
            .Where(a => a.ConnectionId == team.ConnectionId && a.TeamSourceId == team.SourceId)
            .OrderBy(a => a.OccurredAt).Select(a => (DateTimeOffset?)a.OccurredAt)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<NotableActivity>> NotableAsync(Team team, IsoWeek week, CancellationToken cancellationToken)
    {
        var rows = await (
                from a in db.Activities.AsNoTracking()
                join w in db.WorkItems.AsNoTracking() on new { a.ConnectionId, SourceId = a.WorkItemSourceId } equals new { w.ConnectionId, w.SourceId }
                where a.ConnectionId == team.ConnectionId && a.TeamSourceId == team.SourceId && a.Week == week && w.DeletedAt == null
                    && a.Classification != null && a.Classification.Class != ActivityClass.Other
                    && ((a.Kind == ActivityKind.Created && w.HierarchyLevel >= 1)
                        || (a.Kind == ActivityKind.Transitioned && (a.Classification.RuleId.StartsWith("P5.accept") || a.Classification.RuleId.StartsWith("P5.reject")))
                        || (a.Kind == ActivityKind.FieldChanged && (a.Field == CanonicalField.Rank || a.Field == CanonicalField.Priority) && a.Classification.Class != ActivityClass.Delivery)
                        || (a.Kind == ActivityKind.FieldChanged && a.Field == CanonicalField.Sprint && a.Classification.Class == ActivityClass.Tactical))
                orderby a.OccurredAt
                select new { a.Kind, a.Field, a.From, a.To, a.ActorSourceId, a.OccurredAt, RuleId = a.Classification!.RuleId, w.Key, w.Title, w.Url, w.Type })
            .Take(MaxNotable * 4)
            .ToListAsync(cancellationToken);
        var actorIds = rows.Select(r => r.ActorSourceId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => p.ConnectionId == team.ConnectionId && actorIds.Contains(p.SourceId))
            .ToDictionaryAsync(p => p.SourceId, p => p.DisplayName, cancellationToken);
        return rows.Select(r =>
            {
                var kind = r.Kind switch
                {
                    ActivityKind.Created => NotableActivityKind.EpicCreated,
                    ActivityKind.Transitioned when r.RuleId.StartsWith("P5.accept", StringComparison.Ordinal) => NotableActivityKind.ItemAccepted,
                    ActivityKind.Transitioned => NotableActivityKind.ItemRejected,
                    _ when r.Field == CanonicalField.Sprint => NotableActivityKind.SprintScopeChanged,
                    _ => NotableActivityKind.Reprioritised,
                };
                return new NotableActivity
                {
                    Kind = kind,
                    ItemKey = r.Key,
                    ItemTitle = r.Title,
                    ItemUrl = r.Url,
                    ActorDisplayName = r.ActorSourceId is { } id ? names.GetValueOrDefault(id) ?? id : "unknown",
                    OccurredAt = r.OccurredAt,
                    Description = Describe(kind, r.Type, r.From, r.To),
                };
            })
            .GroupBy(n => n.Kind).SelectMany(g => g.Take(MaxNotable / 2)).OrderBy(n => n.OccurredAt).Take(MaxNotable).ToList();
    }

    private static string Describe(NotableActivityKind kind, string type, string? from, string? to) => kind switch
    {
        NotableActivityKind.EpicCreated => $"{type} created",
        NotableActivityKind.ItemAccepted => $"accepted: {from} → {to}",
        NotableActivityKind.ItemRejected => $"sent back: {from} → {to}",
        NotableActivityKind.SprintScopeChanged => $"sprint: {Or(from)} → {Or(to)}",
        _ => $"reprioritised: {Or(from)} → {Or(to)}",
    };

    private static string Or(string? value) => string.IsNullOrWhiteSpace(value) ? "none" : value;
}
