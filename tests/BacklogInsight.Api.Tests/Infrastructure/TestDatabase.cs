using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>
/// Which database the tests' data folders use. By default each folder holds its SQLite file; when
/// <c>BACKLOG_TEST_POSTGRES</c> names a PostgreSQL server (a connection string without a database), each folder maps to
/// a fresh database of its own there, named after the folder, so two hosts on one folder still share their data
/// (a restart) and no test needs to know which provider it runs on.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "BACKLOG_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>The configuration that points a host at the database of <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, string?> SettingsFor(string dataDirectory) => IsPostgres
        ? new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = EnsurePostgresDatabase(dataDirectory),
        }
        : new Dictionary<string, string?>();

    /// <summary>The PostgreSQL connection string of a data folder's database, created when missing.</summary>
    public static string EnsurePostgresDatabase(string dataDirectory)
    {
        var name = DatabaseName(dataDirectory);
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"""CREATE DATABASE "{name}" """, connection);
                create.ExecuteNonQuery();
            }
        }

        return PostgresConnectionString(dataDirectory);
    }

    public static string PostgresConnectionString(string dataDirectory) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = DatabaseName(dataDirectory) }.ConnectionString;

    /// <summary>Gives <paramref name="target"/> a copy of <paramref name="source"/>'s database (file copy, or a PostgreSQL template copy).</summary>
    public static void Copy(string source, string target)
    {
        if (!IsPostgres)
        {
            File.Copy(DatabaseSnapshot.PathIn(source), DatabaseSnapshot.PathIn(target));
            return;
        }

        // A template must have no open connections while it is copied.
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var create = new NpgsqlCommand($"""CREATE DATABASE "{DatabaseName(target)}" TEMPLATE "{DatabaseName(source)}" """, connection);
        create.ExecuteNonQuery();
    }

    /// <summary>Drops a data folder's database, if it has one.</summary>
    public static void Drop(string dataDirectory)
    {
        if (!IsPostgres)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{DatabaseName(dataDirectory)}" WITH (FORCE)""", connection);
        drop.ExecuteNonQuery();
    }

    private static string DatabaseName(string dataDirectory) =>
        "backlog_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];
}
