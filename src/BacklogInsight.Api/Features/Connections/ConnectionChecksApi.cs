using System.Text.Json;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>Connection tests (saved or not yet saved) and each connection's data completeness.</summary>
public static class ConnectionChecksApi
{
    public static async Task<Results<Ok<ConnectionTestResponse>, ProblemHttpResult>> TestConnectionAsync(
        Guid id, BacklogDbContext db, IEnumerable<IConnectionTester> testers, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return connection is null ? NotFoundProblem.Of("connection", id) : TypedResults.Ok(await TestAsync(connection, testers, cancellationToken));
    }

    /// <summary>Tests a definition before it is saved: the secrets are lent for the test's duration and stored nowhere.</summary>
    public static async Task<Results<Ok<ConnectionTestResponse>, ValidationProblem>> TestDefinitionAsync(
        CreateConnectionRequest request, IEnumerable<IConnectionTester> testers, TransientConnectionSecrets transient, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        query.Require(!string.IsNullOrWhiteSpace(request.Kind), "kind", "kind is required (jira, azure-devops).");
        query.Require(request.BaseUrl is null || Uri.TryCreate(request.BaseUrl, UriKind.Absolute, out _), "baseUrl", "Give an absolute URL, e.g. https://acme.atlassian.net.");
        query.Require(request.Settings is null || request.Settings.Value.ValueKind == JsonValueKind.Object, "settings", "Settings must be a JSON object.");
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var connection = new Connection
        {
            Id = Guid.NewGuid(),
            Name = string.IsNullOrWhiteSpace(request.Name) ? "unsaved" : request.Name!,
            Kind = request.Kind!.ToLowerInvariant(),
            BaseUrl = request.BaseUrl,
            SettingsJson = request.Settings?.GetRawText() ?? "{}",
            CreatedAt = time.GetUtcNow(),
        };
        using var lent = transient.Lend(connection.Id, request.Secrets ?? []);
        return TypedResults.Ok(await TestAsync(connection, testers, cancellationToken));
    }

    public static async Task<Results<Ok<ConnectionCompletenessResponse>, ProblemHttpResult>> GetCompletenessAsync(
        Guid id, BacklogDbContext db, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return NotFoundProblem.Of("connection", id);
        }

        var state = await db.SyncStates.AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == id, cancellationToken);
        var runs = db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == id);
        var lastRun = await runs.Where(r => r.Trigger != "sweep").OrderByDescending(r => r.QueuedAt).FirstOrDefaultAsync(cancellationToken);
        var lastSweep = await runs.Where(r => r.Trigger == "sweep").OrderByDescending(r => r.QueuedAt).FirstOrDefaultAsync(cancellationToken);
        var totals = await runs.GroupBy(r => r.ConnectionId).Select(g => new
        {
            Runs = g.Count(),
            Failed = g.Count(r => r.Status == SyncRunStatus.Failed),
            Requests = g.Sum(r => r.Requests),
            Retries = g.Sum(r => r.Retries),
            Changelogs = g.Sum(r => r.ChangelogsCompleted),
            Deleted = g.Sum(r => r.ItemsDeleted),
            Moved = g.Sum(r => r.ItemsMoved),
            Restored = g.Sum(r => r.ItemsRestored),
        }).SingleOrDefaultAsync(cancellationToken);
        var items = await db.WorkItems.CountAsync(w => w.ConnectionId == id, cancellationToken);
        var deletedItems = await db.WorkItems.CountAsync(w => w.ConnectionId == id && w.DeletedAt != null, cancellationToken);
        var fields = await db.Activities.AsNoTracking()
            .Where(a => a.ConnectionId == id && a.SourceField != null)
            .GroupBy(a => new { a.SourceField, a.Field })
            .Select(g => new { g.Key.SourceField, g.Key.Field, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var response = new ConnectionCompletenessResponse
        {
            ConnectionId = id,
            Name = connection.Name,
            Kind = connection.Kind,
            LastSucceededAt = state?.LastSucceededAt,
            LastRun = lastRun is null ? null : SyncRunResponse.From(lastRun),
            LastSweep = lastSweep is null ? null : SyncRunResponse.From(lastSweep),
            Runs = totals?.Runs ?? 0,
            FailedRuns = totals?.Failed ?? 0,
            Requests = totals?.Requests ?? 0,
            Retries = totals?.Retries ?? 0,
            ChangelogsCompleted = totals?.Changelogs ?? 0,
            ItemsDeleted = totals?.Deleted ?? 0,
            ItemsMoved = totals?.Moved ?? 0,
            ItemsRestored = totals?.Restored ?? 0,
            WorkItems = items - deletedItems,
            DeletedWorkItems = deletedItems,
            MappedFields = [.. fields.Where(f => f.Field != CanonicalField.Other).OrderByDescending(f => f.Count)
                .Select(f => new FieldUse(f.SourceField!, f.Field.ToString(), f.Count))],
            UnmappedFields = [.. fields.Where(f => f.Field == CanonicalField.Other).OrderByDescending(f => f.Count)
                .Select(f => new FieldUse(f.SourceField!, null, f.Count))],
        };
        return TypedResults.Ok(response with { Messages = ConnectionCompletenessResponse.Describe(response) });
    }

    private static async Task<ConnectionTestResponse> TestAsync(Connection connection, IEnumerable<IConnectionTester> testers, CancellationToken cancellationToken)
    {
        var tester = testers.FirstOrDefault(t => string.Equals(t.Kind, connection.Kind, StringComparison.OrdinalIgnoreCase));
        return tester is null
            ? new ConnectionTestResponse
            {
                Kind = connection.Kind,
                Succeeded = connection.Kind == SourceKinds.Sample,
                Messages = [connection.Kind == SourceKinds.Sample
                    ? "The sample source needs no credentials; there is nothing to test."
                    : $"Connections of kind '{connection.Kind}' cannot be tested; use jira or azure-devops."],
            }
            : await tester.TestAsync(connection, cancellationToken);
    }
}
