using System.Security.Cryptography;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>What a data folder holds after a scenario: a fingerprint of the data, its activity keys, and duplicate checks.</summary>
public sealed record StoredState(string Fingerprint, string? Checkpoint, IReadOnlySet<string> ActivityKeys, long Duplicates, IReadOnlyList<string> Rows)
{
    private static readonly string[] Tables = ["Activities", "WorkItems", "People", "ActivityCounts"];

    /// <summary>
    /// Every activity, work item and person (source ids, times, actors, values), and the per-team-week counts the
    /// dashboard reads, in a fixed order. The checkpoint is kept apart: it may differ when the site changed mid-crawl.
    /// </summary>
    private static readonly string[] FingerprintQueries =
    [
        """SELECT SourceKey, WorkItemSourceId, ActorSourceId, OccurredAt, Kind, Field, SourceField, "From", "To", Text, TeamSourceId, Week, Class FROM Activities ORDER BY SourceKey""",
        "SELECT SourceId, Key, Type, HierarchyLevel, Title, Status, TeamSourceId, AssigneeSourceId, SprintSourceId, Labels, CreatedAt, UpdatedAt FROM WorkItems ORDER BY SourceId",
        "SELECT SourceId, DisplayName, IsActive, IsBot FROM People ORDER BY SourceId",
        "SELECT TeamSourceId, Week, ActorSourceId, Class, Count, LastAt FROM ActivityCounts ORDER BY TeamSourceId, Week, ActorSourceId, Class",
    ];

    public static async Task<StoredState> ReadAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseSnapshot.PathIn(dataDirectory)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var text = new StringBuilder();
        var rows = new List<string>();
        for (var q = 0; q < FingerprintQueries.Length; q++)
        {
            await AppendRowsAsync(connection, text, FingerprintQueries[q], Tables[q], rows);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var keyRows = 0L;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT SourceKey FROM Activities";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                keyRows++;
                keys.Add(reader.GetString(0));
            }
        }

        // A duplicate is an activity stored twice, a work item stored twice, or an activity counted twice in the aggregates.
        var duplicateItems = await ScalarAsync(connection, "SELECT COUNT(*) - COUNT(DISTINCT SourceId) FROM WorkItems");
        var counted = await ScalarAsync(connection, "SELECT COALESCE(SUM(Count), 0) FROM ActivityCounts");
        var countable = await ScalarAsync(connection, "SELECT COUNT(*) FROM Activities WHERE TeamSourceId IS NOT NULL AND Week IS NOT NULL AND Class IS NOT NULL");
        var checkpoint = await ScalarTextAsync(connection, "SELECT Checkpoint FROM SyncStates");
        return new StoredState(
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))),
            checkpoint,
            keys,
            (keyRows - keys.Count) + duplicateItems + Math.Max(0, counted - countable),
            rows);
    }

    /// <summary>The first rows that only one of two states holds, to say what differs.</summary>
    public static string Difference(StoredState actual, StoredState expected)
    {
        var extra = actual.Rows.Except(expected.Rows).Take(4).ToList();
        var missing = expected.Rows.Except(actual.Rows).Take(4).ToList();
        return $"{actual.Rows.Except(expected.Rows).Count()} rows not in the clean run, e.g. [{string.Join(" / ", extra)}]; "
            + $"{expected.Rows.Except(actual.Rows).Count()} rows of the clean run missing, e.g. [{string.Join(" / ", missing)}]";
    }

    /// <summary>Activity keys stored now, or none when the database does not exist yet.</summary>
    public static async Task<IReadOnlySet<string>> KeysAsync(string dataDirectory)
    {
        if (!File.Exists(DatabaseSnapshot.PathIn(dataDirectory)))
        {
            return new HashSet<string>();
        }

        try
        {
            return (await ReadAsync(dataDirectory)).ActivityKeys;
        }
        catch (SqliteException)
        {
            // The schema is still being created.
            return new HashSet<string>();
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string?> ScalarTextAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task AppendRowsAsync(SqliteConnection connection, StringBuilder text, string sql, string table, List<string> rows)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder(table).Append(':');
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString()).Append('|');
            }

            rows.Add(row.ToString());
            text.Append(row).Append('\n');
        }
    }
}
