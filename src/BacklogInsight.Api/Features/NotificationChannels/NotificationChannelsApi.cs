using System.Text.Json;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Workers.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>Where alerts and weekly reports are delivered: channels, their routing, a test message, and every delivery attempt.</summary>
public static class NotificationChannelsApi
{
    public static IEndpointRouteBuilder MapNotificationChannelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notification-channels").WithTags("Notification channels");
        api.MapGet("/", ListChannelsAsync);
        api.MapPost("/", CreateChannelAsync);
        api.MapGet("/{id:guid}", GetChannelAsync).WithName(nameof(GetChannelAsync));
        api.MapDelete("/{id:guid}", DeleteChannelAsync);
        api.MapPost("/{id:guid}/test", TestChannelAsync);
        api.MapGet("/{id:guid}/deliveries", ListDeliveriesAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<NotificationChannelResponse>>, ValidationProblem>> ListChannelsAsync(
        BacklogDbContext db, ProtectedChannelSecrets secrets, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var take = query.Limit(limit);
        var after = query.After(cursor);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var channels = db.NotificationChannels.AsNoTracking();
        if (after is { } ticks)
        {
            var afterCreated = new DateTimeOffset(ticks, TimeSpan.Zero);
            channels = channels.Where(c => c.CreatedAt > afterCreated);
        }

        var page = await channels.OrderBy(c => c.CreatedAt).Take(take + 1).ToListAsync(cancellationToken);
        var names = await secrets.NamesAsync(page.Select(c => c.Id).ToList(), cancellationToken);
        var items = page.Take(take).Select(c => NotificationChannelResponse.From(c, names.GetValueOrDefault(c.Id) ?? [])).ToList();
        var next = page.Count > take ? Cursor.Encode(page[take - 1].CreatedAt.UtcTicks) : null;
        return TypedResults.Ok(new PagedResponse<NotificationChannelResponse>(items, next));
    }

    public static async Task<Results<CreatedAtRoute<NotificationChannelResponse>, ValidationProblem, ProblemHttpResult>> CreateChannelAsync(
        CreateNotificationChannelRequest request, NotificationChannelRegistration registration, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        query.Require(!string.IsNullOrWhiteSpace(request.Name), "name", "name is required.");
        query.Require(!string.IsNullOrWhiteSpace(request.Kind), "kind", $"kind is required: one of {string.Join(", ", ChannelKinds.All)}.");
        query.Require(request.Settings is null or { ValueKind: JsonValueKind.Object or JsonValueKind.Null }, "settings", "settings must be a JSON object.");
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        try
        {
            var channel = await registration.CreateAsync(
                new ChannelDefinition
                {
                    Name = request.Name!,
                    Kind = request.Kind!,
                    SettingsJson = request.Settings is { ValueKind: JsonValueKind.Object } settings ? settings.GetRawText() : "{}",
                    Secrets = request.Secrets ?? [],
                    TeamIds = request.Routing?.Teams,
                    RuleIds = request.Routing?.Rules,
                    Events = request.Routing?.Events,
                    WeeklyReports = request.Routing?.WeeklyReports ?? false,
                },
                cancellationToken);
            if (channel is null)
            {
                return TypedResults.Problem(title: $"A notification channel named '{request.Name}' already exists.", statusCode: StatusCodes.Status409Conflict);
            }

            var secretNames = (request.Secrets ?? []).Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
            return TypedResults.CreatedAtRoute(NotificationChannelResponse.From(channel, secretNames), nameof(GetChannelAsync), new { id = channel.Id });
        }
        catch (ChannelValidationException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors.ToDictionary(e => e.Key, e => e.Value), title: "The notification channel is invalid.");
        }
    }

    public static async Task<Results<Ok<NotificationChannelResponse>, ProblemHttpResult>> GetChannelAsync(
        Guid id, BacklogDbContext db, ProtectedChannelSecrets secrets, CancellationToken cancellationToken)
    {
        var channel = await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return NotFoundProblem.Of("notification channel", id);
        }

        var names = await secrets.NamesAsync([id], cancellationToken);
        return TypedResults.Ok(NotificationChannelResponse.From(channel, names.GetValueOrDefault(id) ?? []));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteChannelAsync(
        Guid id, NotificationChannelRegistration registration, CancellationToken cancellationToken) =>
        await registration.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFoundProblem.Of("notification channel", id);

    public static async Task<Results<Ok<ChannelTestResponse>, ProblemHttpResult>> TestChannelAsync(
        Guid id, BacklogDbContext db, NotificationDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var channel = await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return NotFoundProblem.Of("notification channel", id);
        }

        var attempt = await dispatcher.SendTestAsync(channel, cancellationToken);
        return TypedResults.Ok(ChannelTestResponse.From(channel, attempt));
    }

    public static async Task<Results<Ok<PagedResponse<NotificationDeliveryResponse>>, ProblemHttpResult, ValidationProblem>> ListDeliveriesAsync(
        Guid id, BacklogDbContext db, PersonNames people, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var take = query.Limit(limit);
        var before = query.After(cursor);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        if (!await db.NotificationChannels.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFoundProblem.Of("notification channel", id);
        }

        var deliveries = db.NotificationDeliveries.AsNoTracking().Where(d => d.ChannelId == id);
        if (before is { } beforeId)
        {
            deliveries = deliveries.Where(d => d.Id < beforeId);
        }

        var page = await deliveries.OrderByDescending(d => d.Id).Take(take + 1).ToListAsync(cancellationToken);
        var ids = page.Take(take).Select(d => d.Id).ToList();
        var attempts = (await db.NotificationAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        var mask = await people.MaskAsync(db, cancellationToken);
        var items = page.Take(take).Select(d => NotificationDeliveryResponse.From(d, attempts[d.Id]))
            .Select(d => mask.IsOn ? d with { Subject = mask.Text(d.Subject)!, LastError = mask.Text(d.LastError) } : d).ToList();
        var next = page.Count > take ? Cursor.Encode(page[take - 1].Id) : null;
        return TypedResults.Ok(new PagedResponse<NotificationDeliveryResponse>(items, next));
    }
}
