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

    public static async Task<Results<Ok<PagedResponse<PersonResponse>>, ValidationProblem, ProblemHttpResult>> ListPeopleAsync(
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
        }

        if (after is { } lastId)
        {
            people = people.Where(p => p.Id > lastId);
        }

        var page = (await people.OrderBy(p => p.Id).Take(take + 1).ToListAsync(cancellationToken))
            .Select(p => new PersonResponse(p.Id, p.ConnectionId, p.SourceId, names.Show(p.ConnectionId, p.SourceId, p.DisplayName), p.IsActive, p.IsBot))
            .ToList();
        return TypedResults.Ok(new PagedResponse<PersonResponse>(page.Take(take).ToList(), page.Count > take ? Cursor.Encode(page[take - 1].Id) : null));
    }
}
