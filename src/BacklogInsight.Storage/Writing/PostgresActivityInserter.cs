using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// Inserts a page's new activities with one binary COPY inside the page's transaction: one round trip per page
/// instead of one per row, and none of EF's change tracking. The rows are exactly what EF would write (the caller
/// has already dropped keys that are stored, under the connection's row lock, so COPY never meets a duplicate).
/// </summary>
internal static class PostgresActivityInserter
{
    private const string Copy = """
        COPY "Activities" ("ConnectionId", "SourceKey", "WorkItemSourceId", "ActorSourceId", "OccurredAt", "Kind", "Field",
            "SourceField", "From", "To", "Text", "TeamSourceId", "Week", "Class", "Confidence", "RuleId", "Reasons", "TaxonomyVersion")
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task InsertAsync(BacklogDbContext db, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Activities are inserted inside the page's transaction.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        var reasons = new ReasonsJsonCache();
        foreach (var a in activities)
        {
            var c = a.Classification;
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(a.ConnectionId, NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(a.SourceKey, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(a.WorkItemSourceId, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(import, a.ActorSourceId, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(a.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(a.Field.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(import, a.SourceField, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(import, a.From, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(import, a.To, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(import, a.Text, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(import, a.TeamSourceId, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(import, a.Week is { } week ? WeekKey.Of(week) : (int?)null, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(import, c?.Class.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(import, c?.Confidence, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(import, c?.RuleId, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(import, c is null ? null : reasons.Of(c.Reasons), NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(import, c?.TaxonomyVersion, NpgsqlDbType.Varchar, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? import.WriteAsync(present, type, cancellationToken) : import.WriteNullAsync(cancellationToken);
}
