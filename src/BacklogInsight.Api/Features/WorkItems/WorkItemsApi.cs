using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.WorkItems;

/// <summary>Work items, optionally those on one team's backlog.</summary>
public static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/work-items").WithTags("Work items").MapGet("/", ListWorkItemsAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<WorkItemResponse>>, ValidationProblem, ProblemHttpResult>> ListWorkItemsAsync(
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

        var items = db.WorkItems.AsNoTracking().Where(w => w.DeletedAt == null);
        if (teamId is { } id)
        {
            var scope = await TeamScope.FindAsync(db, id, cancellationToken);
            if (scope is null)
            {
                return NotFoundProblem.Of("team", id);
            }

            items = items.Where(w => w.ConnectionId == scope.ConnectionId && w.TeamSourceId == scope.SourceId);
        }

        if (after is { } lastId)
        {
            items = items.Where(w => w.Id > lastId);
        }

        var page = await items.OrderBy(w => w.Id).Take(take + 1).ToListAsync(cancellationToken);
        var mask = await names.MaskAsync(db, cancellationToken);
        return TypedResults.Ok(new PagedResponse<WorkItemResponse>(
            page.Take(take).Select(w => WorkItemResponse.From(w).Masked(mask)).ToList(), page.Count > take ? Cursor.Encode(page[take - 1].Id) : null));
    }
}
