using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.People;

/// <summary>People: everyone, or those who acted on a team's backlog (and its designated owner).</summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/people").WithTags("People").MapGet("/", ListPeopleAsync);
        return app;
    }

    public static async Task<Results<Ok<PeoplePageResponse>, ValidationProblem, ProblemHttpResult>> ListPeopleAsync(
        BacklogDbContext db, PersonNames names, string? team, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var teamId = query.Id("team", team);
        var take = query.Limit(limit);
        var after = query.After(cursor);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var people = db.People.AsNoTracking();
        if (teamId is { } id)
        {
            var scope = await TeamScope.FindAsync(db, id, cancellationToken);
            if (scope is null)
            {
                return NotFoundProblem.Of("team", id);
            }

            var items = TeamScope.WorkItemIds(db, scope);
            var actors = db.Activities.Where(a => a.ConnectionId == scope.ConnectionId && items.Contains(a.WorkItemSourceId))
                .Select(a => a.ActorSourceId).Distinct();
            people = people.Where(p => p.ConnectionId == scope.ConnectionId && (actors.Contains(p.SourceId) || p.SourceId == scope.OwnerSourceId));
            if (names.HidesSmallGroups && await people.CountAsync(cancellationToken) is var count && !names.MayShowPeople(count))
            {
                return TypedResults.Ok(new PeoplePageResponse([], null) { HiddenReason = names.HiddenReason(count, "this team's backlog") });
            }
        }

        if (after is { } lastId)
        {
            people = people.Where(p => p.Id > lastId);
        }

        var mask = await names.MaskAsync(db, cancellationToken);
        var page = (await people.OrderBy(p => p.Id).Take(take + 1).ToListAsync(cancellationToken))
            .Select(p => new PersonResponse(p.Id, p.ConnectionId, mask.Id(p.ConnectionId, p.SourceId), mask.Name(p.ConnectionId, p.SourceId, p.DisplayName), p.IsActive, p.IsBot))
            .ToList();
        return TypedResults.Ok(new PeoplePageResponse(page.Take(take).ToList(), page.Count > take ? Cursor.Encode(page[take - 1].Id) : null));
    }
}
