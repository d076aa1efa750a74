using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Workers.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Features.Alerts;

/// <summary>Alerts: list, one, acknowledge; the rules and their thresholds are in <see cref="AlertRulesApi"/>.</summary>
public static class AlertsApi
{
    private static readonly Dictionary<string, AlertState[]> StateNames = new(StringComparer.Ordinal)
    {
        ["open"] = [AlertState.Open],
        ["acknowledged"] = [AlertState.Acknowledged],
        ["active"] = [AlertState.Open, AlertState.Acknowledged],
        ["resolved"] = [AlertState.Resolved],
    };

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerts").WithTags("Alerts");
        api.MapGet("/", ListAlertsAsync);
        api.MapGet("/{id:long}", GetAlertAsync);
        api.MapPost("/{id:long}/acknowledge", AcknowledgeAlertAsync);
        app.MapAlertRulesApi();
        return app;
    }

    /// <summary>Newest first. <c>state</c>: open, acknowledged, active (open or acknowledged) or resolved.</summary>
    public static async Task<Results<Ok<PagedResponse<AlertResponse>>, ValidationProblem, ProblemHttpResult>> ListAlertsAsync(
        BacklogDbContext db, PersonNames people, IOptions<OrganisationOptions> organisation, string? state, string? team, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var take = query.Limit(limit);
        var before = query.After(cursor);
        var teamId = query.Id("team", team);
        AlertState[]? states = null;
        if (state is not null && !StateNames.TryGetValue(state, out states))
        {
            query.Require(false, "state", $"state must be one of: {string.Join(", ", StateNames.Keys)}.");
        }

        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        if (teamId is { } id && !await db.Teams.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return NotFoundProblem.Of("team", id);
        }

        var alerts = db.Alerts.AsNoTracking();
        if (states is not null)
        {
            alerts = alerts.Where(a => states.Contains(a.State));
        }

        if (teamId is { } filterTeam)
        {
            alerts = alerts.Where(a => a.TeamId == filterTeam);
        }

        if (before is { } lastId)
        {
            alerts = alerts.Where(a => a.Id < lastId);
        }

        var page = await alerts.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(cancellationToken);
        var names = await TeamNamesAsync(db, page, cancellationToken);
        var shown = page.Take(take).ToList();
        var zone = organisation.Value.Zone;
        var privacy = await AlertPrivacy.LoadAsync(db, people, shown.Select(a => (a.TeamId, AlertResponse.Week(a.LastEvaluatedAt, zone))).ToList(), cancellationToken);
        var items = shown.Select(a => AlertResponse.From(a, a.TeamId is { } t ? names.GetValueOrDefault(t) : null).Private(privacy, zone)).ToList();
        return TypedResults.Ok(new PagedResponse<AlertResponse>(items, page.Count > take ? Cursor.Encode(page[take - 1].Id) : null));
    }

    public static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> GetAlertAsync(
        long id, BacklogDbContext db, PersonNames people, IOptions<OrganisationOptions> organisation, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return NotFoundProblem.Of("alert", id);
        }

        var names = await TeamNamesAsync(db, [alert], cancellationToken);
        return TypedResults.Ok(await PrivateAsync(alert, names, db, people, organisation.Value.Zone, cancellationToken));
    }

    /// <summary>Marks an open alert as seen by a person: no more reminders. Acknowledging twice keeps the first.</summary>
    public static async Task<Results<Ok<AlertResponse>, ValidationProblem, ProblemHttpResult>> AcknowledgeAlertAsync(
        long id, AcknowledgeAlertRequest? request, BacklogDbContext db, PersonNames people, IOptions<OrganisationOptions> organisation, TimeProvider time, CancellationToken cancellationToken)
    {
        var by = request?.By?.Trim();
        var query = new ListQuery();
        query.Require(!string.IsNullOrEmpty(by), "by", "by is required: who acknowledges the alert.");
        query.Require(by is null || by.Length <= 200, "by", "by must be at most 200 characters.");
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return NotFoundProblem.Of("alert", id);
        }

        if (alert.State == AlertState.Resolved)
        {
            return TypedResults.Problem(
                title: "The alert is resolved; there is nothing to acknowledge.",
                detail: $"It resolved at {alert.ResolvedAt:O}: {alert.ResolvedReason}",
                statusCode: StatusCodes.Status409Conflict);
        }

        if (alert.State == AlertState.Open)
        {
            alert.State = AlertState.Acknowledged;
            alert.AcknowledgedAt = time.GetUtcNow();
            alert.AcknowledgedBy = by;
            await db.SaveChangesAsync(cancellationToken);
        }

        var names = await TeamNamesAsync(db, [alert], cancellationToken);
        return TypedResults.Ok(await PrivateAsync(alert, names, db, people, organisation.Value.Zone, cancellationToken));
    }

    private static async Task<AlertResponse> PrivateAsync(
        Alert alert, Dictionary<long, string> teamNames, BacklogDbContext db, PersonNames people, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var privacy = await AlertPrivacy.LoadAsync(db, people, [(alert.TeamId, AlertResponse.Week(alert.LastEvaluatedAt, zone))], cancellationToken);
        return AlertResponse.From(alert, alert.TeamId is { } t ? teamNames.GetValueOrDefault(t) : null).Private(privacy, zone);
    }

    private static async Task<Dictionary<long, string>> TeamNamesAsync(BacklogDbContext db, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var ids = alerts.Where(a => a.TeamId is not null).Select(a => a.TeamId!.Value).Distinct().ToList();
        return await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
    }
}
