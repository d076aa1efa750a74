using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>Connections to trackers, their on-demand syncs and the record of every run.</summary>
public static class ConnectionsApi
{
    public static IEndpointRouteBuilder MapConnectionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/connections").WithTags("Connections");
        api.MapGet("/", ListConnectionsAsync);
        api.MapPost("/", CreateConnectionAsync);
        api.MapGet("/{id:guid}", GetConnectionAsync).WithName(nameof(GetConnectionAsync));
        api.MapPost("/{id:guid}/sync", StartSyncAsync);
        api.MapGet("/{id:guid}/sync-runs", ListSyncRunsAsync);
        api.MapGet("/{id:guid}/sync-runs/{runId:guid}", GetSyncRunAsync);
        api.MapPost("/test", ConnectionChecksApi.TestDefinitionAsync);
        api.MapPost("/{id:guid}/test", ConnectionChecksApi.TestConnectionAsync);
        api.MapGet("/{id:guid}/completeness", ConnectionChecksApi.GetCompletenessAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedResponse<ConnectionResponse>>, ValidationProblem>> ListConnectionsAsync(
        BacklogDbContext db, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var take = query.Limit(limit);
        var after = query.After(cursor);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var connections = db.Connections.AsNoTracking();
        if (after is { } ticks)
        {
            var afterCreated = new DateTimeOffset(ticks, TimeSpan.Zero);
            connections = connections.Where(c => c.CreatedAt > afterCreated);
        }

        var page = await connections.OrderBy(c => c.CreatedAt).Take(take + 1).ToListAsync(cancellationToken);
        var ids = page.Select(c => c.Id).ToList();
        var states = await db.SyncStates.AsNoTracking().Where(s => ids.Contains(s.ConnectionId)).ToDictionaryAsync(s => s.ConnectionId, cancellationToken);
        var items = page.Take(take).Select(c => ConnectionResponse.From(c, states.GetValueOrDefault(c.Id), null)).ToList();
        var next = page.Count > take ? Cursor.Encode(page[take - 1].CreatedAt.UtcTicks) : null;
        return TypedResults.Ok(new PagedResponse<ConnectionResponse>(items, next));
    }

    public static async Task<Results<CreatedAtRoute<ConnectionResponse>, ValidationProblem, ProblemHttpResult>> CreateConnectionAsync(
        CreateConnectionRequest request, ConnectionRegistration registration, SyncScheduler scheduler, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        query.Require(!string.IsNullOrWhiteSpace(request.Name), "name", "name is required.");
        query.Require(!string.IsNullOrWhiteSpace(request.Kind), "kind", "kind is required.");
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var connection = await registration.CreateAsync(
            new ConnectionDefinition
            {
                Name = request.Name!,
                Kind = request.Kind!,
                BaseUrl = request.BaseUrl,
                SettingsJson = request.Settings?.GetRawText() ?? "{}",
                SyncCron = request.SyncCron,
                Secrets = request.Secrets ?? [],
            },
            cancellationToken);
        if (connection is null)
        {
            return TypedResults.Problem(title: $"A connection named '{request.Name}' already exists.", statusCode: StatusCodes.Status409Conflict);
        }

        scheduler.Schedule(connection);
        return TypedResults.CreatedAtRoute(
            ConnectionResponse.From(connection, null, null) with { SecretNames = (request.Secrets ?? []).Keys.Order(StringComparer.Ordinal).ToList() },
            nameof(GetConnectionAsync), new { id = connection.Id });
    }

    public static async Task<Results<Ok<ConnectionResponse>, ProblemHttpResult>> GetConnectionAsync(
        Guid id, BacklogDbContext db, ProtectedConnectionSecrets secrets, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return NotFoundProblem.Of("connection", id);
        }

        var state = await db.SyncStates.AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == id, cancellationToken);
        var lastRun = await db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == id)
            .OrderByDescending(r => r.QueuedAt).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(ConnectionResponse.From(connection, state, lastRun) with { SecretNames = await secrets.NamesAsync(id, cancellationToken) });
    }

    public static async Task<Results<Accepted<SyncAcceptedResponse>, ProblemHttpResult>> StartSyncAsync(
        Guid id, BacklogDbContext db, SyncScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var state = await db.SyncStates.AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == id, cancellationToken);
        if (state is null)
        {
            return NotFoundProblem.Of("connection", id);
        }

        var now = time.GetUtcNow();
        var busy = (state.LeaseHolder is not null && state.LeaseExpiresAt > now)
            || await db.SyncRuns.AnyAsync(r => r.ConnectionId == id && r.Status == SyncRunStatus.Queued, cancellationToken);
        if (busy)
        {
            return TypedResults.Problem(title: "A sync of this connection is already queued or running.", detail: "Follow it with GET /api/connections/{id}/sync-runs.", statusCode: StatusCodes.Status409Conflict);
        }

        var run = await scheduler.EnqueueAsync(id, "api", cancellationToken);
        return TypedResults.Accepted($"/api/connections/{id}/sync-runs/{run.Id}", new SyncAcceptedResponse(run.Id, "queued"));
    }

    public static async Task<Results<Ok<PagedResponse<SyncRunResponse>>, ProblemHttpResult, ValidationProblem>> ListSyncRunsAsync(
        Guid id, BacklogDbContext db, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var take = query.Limit(limit);
        var before = query.After(cursor);
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        if (!await db.Connections.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFoundProblem.Of("connection", id);
        }

        var runs = db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == id);
        if (before is { } ticks)
        {
            var beforeQueued = new DateTimeOffset(ticks, TimeSpan.Zero);
            runs = runs.Where(r => r.QueuedAt < beforeQueued);
        }

        var page = await runs.OrderByDescending(r => r.QueuedAt).Take(take + 1).ToListAsync(cancellationToken);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].QueuedAt.UtcTicks) : null;
        return TypedResults.Ok(new PagedResponse<SyncRunResponse>(page.Take(take).Select(SyncRunResponse.From).ToList(), next));
    }

    public static async Task<Results<Ok<SyncRunResponse>, ProblemHttpResult>> GetSyncRunAsync(
        Guid id, Guid runId, BacklogDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.SyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.ConnectionId == id, cancellationToken);
        return run is null ? NotFoundProblem.Of("sync run", runId) : TypedResults.Ok(SyncRunResponse.From(run));
    }
}
