using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.Teams;

/// <summary>Teams: Jira boards and Azure DevOps teams, of every connection.</summary>
public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/teams").WithTags("Teams");
        api.MapGet("/", ListTeamsAsync);
        api.MapGet("/{id:long}", GetTeamAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<TeamResponse>>, ValidationProblem>> ListTeamsAsync(
        BacklogDbContext db, PersonNames names, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var take = query.Limit(limit);
        var after = query.After(cursor);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var teams = db.Teams.AsNoTracking();
        if (after is { } lastId)
        {
            teams = teams.Where(t => t.Id > lastId);
        }

        var page = await teams.OrderBy(t => t.Id).Take(take + 1).ToListAsync(cancellationToken);
        var items = await ToResponsesAsync(db, names, page.Take(take).ToList(), cancellationToken);
        return TypedResults.Ok(new PagedResponse<TeamResponse>(items, page.Count > take ? Cursor.Encode(page[take - 1].Id) : null));
    }

    public static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> GetTeamAsync(
        long id, BacklogDbContext db, PersonNames names, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return team is null
            ? NotFoundProblem.Of("team", id)
            : TypedResults.Ok((await ToResponsesAsync(db, names, [team], cancellationToken))[0]);
    }

    private static async Task<List<TeamResponse>> ToResponsesAsync(BacklogDbContext db, PersonNames names, List<Team> teams, CancellationToken cancellationToken)
    {
        var ownerIds = teams.Where(t => t.OwnerSourceId is not null).Select(t => t.OwnerSourceId!).Distinct().ToList();
        var owners = await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.SourceId))
            .Select(p => new { p.ConnectionId, p.SourceId, p.DisplayName, p.IsActive })
            .ToListAsync(cancellationToken);
        var mask = await names.MaskAsync(db, cancellationToken);
        var teamIds = teams.Select(t => t.SourceId).Distinct().ToList();
        var counts = await db.WorkItems.AsNoTracking().Where(w => w.TeamSourceId != null && w.DeletedAt == null && teamIds.Contains(w.TeamSourceId))
            .GroupBy(w => new { w.ConnectionId, w.TeamSourceId })
            .Select(g => new { g.Key.ConnectionId, g.Key.TeamSourceId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return teams.Select(team =>
        {
            var owner = owners.FirstOrDefault(o => o.ConnectionId == team.ConnectionId && o.SourceId == team.OwnerSourceId);
            var count = counts.FirstOrDefault(c => c.ConnectionId == team.ConnectionId && c.TeamSourceId == team.SourceId)?.Count ?? 0;
            return new TeamResponse(
                team.Id, team.ConnectionId, team.SourceId, team.Name,
                owner is null ? null : new PersonRef(mask.Id(owner.ConnectionId, owner.SourceId), mask.Name(owner.ConnectionId, owner.SourceId, owner.DisplayName), owner.IsActive), count);
        }).ToList();
    }
}
