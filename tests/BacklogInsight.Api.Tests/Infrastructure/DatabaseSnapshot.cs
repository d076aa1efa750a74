using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>
/// Reads a data folder's database directly, to compare what two runs stored: its SQLite file or, on PostgreSQL runs,
/// its database (see <see cref="TestDatabase"/>). Queries are written once, in SQLite's spelling; PascalCase names are
/// quoted for PostgreSQL.
/// </summary>
public static partial class DatabaseSnapshot
{
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "backlog-insight.db");

    /// <summary>Whether the folder's database has been created (a process under test creates it at start).</summary>
    public static bool Exists(string dataDirectory) => TestDatabase.IsPostgres || File.Exists(PathIn(dataDirectory));

    public static async Task<long> ScalarAsync(string dataDirectory, string sql)
    {
        await using var connection = await OpenAsync(dataDirectory);
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row, as text.</summary>
    public static async Task<List<string>> ColumnAsync(string dataDirectory, string sql)
    {
        await using var connection = await OpenAsync(dataDirectory);
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect(sql);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }

    /// <summary>A hash over every stored activity and work item (source ids, times, actors, values), in a fixed order.</summary>
    public static async Task<string> FingerprintAsync(string dataDirectory)
    {
        await using var connection = await OpenAsync(dataDirectory);
        var text = new StringBuilder();
        await AppendRowsAsync(connection, text,
            """SELECT SourceKey, WorkItemSourceId, ActorSourceId, OccurredAt, Kind, Field, SourceField, "From", "To", Text FROM Activities ORDER BY SourceKey""");
        await AppendRowsAsync(connection, text,
            "SELECT SourceId, Key, Type, HierarchyLevel, Title, Status, TeamSourceId, AssigneeSourceId, SprintSourceId, Labels, CreatedAt, UpdatedAt FROM WorkItems ORDER BY SourceId");
        await AppendRowsAsync(connection, text, "SELECT SourceId, DisplayName, IsActive, IsBot FROM People ORDER BY SourceId");
        await AppendRowsAsync(connection, text, "SELECT Checkpoint FROM SyncStates ORDER BY ConnectionId");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Everything the database holds, as text: the SQLite files' bytes, or every PostgreSQL row as JSON.</summary>
    public static async Task<string> EverythingStoredAsync(string dataDirectory)
    {
        if (!TestDatabase.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            return string.Concat(Directory.GetFiles(dataDirectory, "backlog-insight.db*").Select(File.ReadAllBytes).Select(Encoding.UTF8.GetString));
        }

        var tables = await ColumnAsync(dataDirectory, "SELECT table_schema || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            text.AppendJoin('\n', await ColumnAsync(dataDirectory, $"SELECT row_to_json(t)::text FROM {table} t"));
        }

        return text.ToString();
    }

    private static async Task<DbConnection> OpenAsync(string dataDirectory)
    {
        DbConnection connection = TestDatabase.IsPostgres
            ? new NpgsqlConnection(TestDatabase.PostgresConnectionString(dataDirectory) + ";Pooling=False")
            : new SqliteConnection($"Data Source={PathIn(dataDirectory)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static string Dialect(string sql) =>
        TestDatabase.IsPostgres ? BareIdentifier().Replace(sql, match => match.Groups["name"].Success ? $"\"{match.Value}\"" : match.Value) : sql;

    private static async Task AppendRowsAsync(DbConnection connection, StringBuilder text, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Dialect(sql);
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

    // String literals and quoted names pass through; a bare PascalCase word (a table or column) is captured to be quoted.
    [GeneratedRegex("""'[^']*'|"[^"]*"|(?<name>\b[A-Z][a-z][A-Za-z]*\b)""")]
    private static partial Regex BareIdentifier();
}
