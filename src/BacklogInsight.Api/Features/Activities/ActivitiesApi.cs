using System.Text.Json;
using BacklogInsight.Api.Features.Classification;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.Activities;

/// <summary>Activities, filtered by team, time window or ISO week, kind and class: the evidence behind every number.</summary>
public static class ActivitiesApi
{
    private static readonly IReadOnlyDictionary<string, ActivityKind> KindNames = Enum.GetValues<ActivityKind>()
        .ToDictionary(k => JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString()), StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/activities").WithTags("Activities").MapGet("/", ListActivitiesAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<ActivityResponse>>, ValidationProblem, ProblemHttpResult>> ListActivitiesAsync(
        BacklogDbContext db, PersonNames names, string? team, string? from, string? to, string? kind, string? week, [FromQuery(Name = "class")] string? activityClass,
        string? cursor, string? limit,
        CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var teamId = query.Id("team", team);
        var fromInstant = query.Instant("from", from);
        var toInstant = query.Instant("to", to);
        var kindFilter = query.Enum("kind", kind, KindNames);
        var weekFilter = query.Week("week", week);
        var classFilter = query.Enum("class", activityClass, ClassNames.All);
        var take = query.Limit(limit);
        var after = query.After(cursor);
        query.Require(fromInstant is null || toInstant is null || fromInstant < toInstant, "to", "to must be after from.");
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        // Activities of deleted work items count in no balance, so they are listed nowhere either.
        var activities = db.Activities.AsNoTracking()
            .Where(a => !db.WorkItems.Any(w => w.ConnectionId == a.ConnectionId && w.SourceId == a.WorkItemSourceId && w.DeletedAt != null));
        if (teamId is { } id)
        {
            var scope = await TeamScope.FindAsync(db, id, cancellationToken);
            if (scope is null)
            {
                return NotFoundProblem.Of("team", id);
            }

            // The team the activity was counted for when stored, so lists and role-balance counts always agree.
            activities = activities.Where(a => a.ConnectionId == scope.ConnectionId && a.TeamSourceId == scope.SourceId);
        }

        if (fromInstant is { } start)
        {
            activities = activities.Where(a => a.OccurredAt >= start);
        }

        if (toInstant is { } end)
        {
            activities = activities.Where(a => a.OccurredAt < end);
        }

        if (kindFilter is { } k)
        {
            activities = activities.Where(a => a.Kind == k);
        }

        if (weekFilter is { } isoWeek)
        {
            activities = activities.Where(a => a.Week == isoWeek);
        }

        if (classFilter is { } c)
        {
            activities = activities.Where(a => a.Classification != null && a.Classification.Class == c);
        }

        if (after is { } lastId)
        {
            activities = activities.Where(a => a.Id > lastId);
        }

        var page = await activities.OrderBy(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        var shown = page.Take(take).ToList();
        var responses = await ToResponsesAsync(db, names, shown, cancellationToken);
        return TypedResults.Ok(new PagedResponse<ActivityResponse>(responses, page.Count > take ? Cursor.Encode(shown[^1].Id) : null));
    }

    private static async Task<List<ActivityResponse>> ToResponsesAsync(BacklogDbContext db, PersonNames names, List<Activity> activities, CancellationToken cancellationToken)
    {
        var actorIds = activities.Where(a => a.ActorSourceId is not null).Select(a => a.ActorSourceId!).Distinct().ToList();
        var itemIds = activities.Select(a => a.WorkItemSourceId).Distinct().ToList();
        var actors = (await db.People.AsNoTracking().Where(p => actorIds.Contains(p.SourceId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.ConnectionId, p.SourceId));
        var items = (await db.WorkItems.AsNoTracking().Where(w => itemIds.Contains(w.SourceId))
                .Select(w => new { w.ConnectionId, w.SourceId, w.Key, w.Title, w.Url }).ToListAsync(cancellationToken))
            .ToDictionary(w => (w.ConnectionId, w.SourceId));
        var mask = await names.MaskAsync(db, cancellationToken);
        var groups = names.HidesSmallGroups
            ? await GroupSizes.ActingPeopleAsync(db, activities.Where(a => a.Week is not null).Select(a => a.Week!.Value).ToList(), cancellationToken)
            : null;
        return activities.Select(a =>
        {
            var item = items.GetValueOrDefault((a.ConnectionId, a.WorkItemSourceId));
            var actor = a.ActorSourceId is null ? null : actors.GetValueOrDefault((a.ConnectionId, a.ActorSourceId));
            var groupSize = groups is null || a.Week is not { } week ? (int?)null : groups.GetValueOrDefault((a.ConnectionId, a.TeamSourceId ?? string.Empty, week));
            var hidden = a.ActorSourceId is not null && groupSize is { } size && !names.MayShowPeople(size);
            return new ActivityResponse(
                a.Id, a.ConnectionId, a.SourceKey,
                new WorkItemRef(a.WorkItemSourceId, item?.Key, mask.Text(item?.Title), item?.Url),
                a.ActorSourceId is null || hidden ? null : new ActorRef(mask.Id(a.ConnectionId, a.ActorSourceId), mask.Name(a.ConnectionId, a.ActorSourceId, actor?.DisplayName), actor?.IsBot ?? false),
                a.OccurredAt, a.Kind, a.Field, a.SourceField, mask.Text(a.From), mask.Text(a.To), mask.Text(a.Text),
                ClassificationResponse.From(a.Classification) is { } classification
                    ? classification with { Reasons = classification.Reasons.Select(r => mask.Text(r)!).ToList() }
                    : null)
            {
                ActorHiddenReason = hidden ? names.HiddenReason(groupSize!.Value, $"this team's backlog in {a.Week}") : null,
            };
        }).ToList();
    }
}
