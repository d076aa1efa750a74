using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>Reads a data folder's database directly, to compare what two runs stored.</summary>
public static class DatabaseSnapshot
{
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "backlog-insight.db");

    public static async Task<long> ScalarAsync(string dataDirectory, string sql)
    {
        await using var connection = Open(dataDirectory);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A hash over every stored activity and work item (source ids, times, actors, values), in a fixed order.</summary>
    public static async Task<string> FingerprintAsync(string dataDirectory)
    {
        await using var connection = Open(dataDirectory);
        var text = new StringBuilder();
        await AppendRowsAsync(connection, text,
            """SELECT SourceKey, WorkItemSourceId, ActorSourceId, OccurredAt, Kind, Field, SourceField, "From", "To", Text FROM Activities ORDER BY SourceKey""");
        await AppendRowsAsync(connection, text,
            "SELECT SourceId, Key, Type, HierarchyLevel, Title, Status, TeamSourceId, AssigneeSourceId, SprintSourceId, Labels, CreatedAt, UpdatedAt FROM WorkItems ORDER BY SourceId");
        await AppendRowsAsync(connection, text, "SELECT SourceId, DisplayName, IsActive, IsBot FROM People ORDER BY SourceId");
        await AppendRowsAsync(connection, text, "SELECT Checkpoint FROM SyncStates");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static SqliteConnection Open(string dataDirectory)
    {
        var connection = new SqliteConnection($"Data Source={PathIn(dataDirectory)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task AppendRowsAsync(SqliteConnection connection, StringBuilder text, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString()).Append('\u001f');
            }

            text.Append('\n');
        }
    }
}
