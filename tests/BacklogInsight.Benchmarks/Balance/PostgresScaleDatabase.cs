using System.Globalization;
using BacklogInsight.Domain.Balance;
using Npgsql;
using NpgsqlTypes;

namespace BacklogInsight.Benchmarks.Balance;

/// <summary>The PostgreSQL side of <see cref="BalanceScaleLoad"/>: a fresh database, filled with the same rows by binary COPY.</summary>
internal static class PostgresScaleDatabase
{
    public static async Task<string> CreateAsync(string server)
    {
        var name = $"backlog_balance_scale_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await new NpgsqlCommand($"""CREATE DATABASE "{name}" """, connection).ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database);
        var name = builder.Database;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", connection).ExecuteNonQueryAsync();
    }

    /// <summary>The same random rows as the SQLite fill (same seed, same distribution), then the counts and ANALYZE.</summary>
    public static async Task FillAsync(string database, int total, int teams, int weeks, IsoWeek lastWeek, string[] classes)
    {
        // A million rows' COPY completes (and the counts build) in minutes on a busy machine: no command timeout here.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        var id = (Guid)(await new NpgsqlCommand("""SELECT "Id" FROM "Connections" """, connection).ExecuteScalarAsync())!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = lastWeek.AddWeeks(-(weeks - 1)).Start(zone);
        var span = lastWeek.End(zone) - start;
        var random = new Random(42);
        await using (var import = await connection.BeginBinaryImportAsync("""
            COPY "Activities" ("ConnectionId", "SourceKey", "WorkItemSourceId", "ActorSourceId", "OccurredAt", "Kind", "Field", "Class",
                "Confidence", "RuleId", "Reasons", "TaxonomyVersion", "TeamSourceId", "Week") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < total; i++)
            {
                var at = start + TimeSpan.FromTicks((long)(random.NextDouble() * span.Ticks));
                var team = random.Next(teams);
                var week = IsoWeek.FromInstant(at, zone);
                await import.StartRowAsync();
                await import.WriteAsync(id, NpgsqlDbType.Uuid);
                await import.WriteAsync($"h{i}", NpgsqlDbType.Varchar);
                await import.WriteAsync($"{team}-{random.Next(2000)}", NpgsqlDbType.Varchar);
                await import.WriteAsync($"p{(team * 8) + random.Next(8)}", NpgsqlDbType.Varchar);
                await import.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await import.WriteAsync("FieldChanged", NpgsqlDbType.Varchar);
                await import.WriteAsync("Rank", NpgsqlDbType.Varchar);
                await import.WriteAsync(classes[random.Next(100) switch { < 5 => 0, < 30 => 1, < 95 => 2, _ => 3 }], NpgsqlDbType.Varchar);
                await import.WriteAsync(0.8, NpgsqlDbType.Double);
                await import.WriteAsync("P4.rank.team", NpgsqlDbType.Varchar);
                await import.WriteAsync("[]", NpgsqlDbType.Text);
                await import.WriteAsync("1.0.0", NpgsqlDbType.Varchar);
                await import.WriteAsync(team.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await import.WriteAsync((week.Year * 100) + week.Week, NpgsqlDbType.Integer);
            }

            await import.CompleteAsync();
        }

        await new NpgsqlCommand("""
            INSERT INTO "ActivityCounts" ("ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class", "Count", "LastAt")
            SELECT "ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class", COUNT(*), MAX("OccurredAt")
            FROM "Activities" GROUP BY "ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class"
            """, connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand("VACUUM ANALYZE", connection).ExecuteNonQueryAsync();
    }
}
