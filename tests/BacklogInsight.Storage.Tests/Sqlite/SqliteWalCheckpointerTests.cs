using BacklogInsight.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BacklogInsight.Storage.Tests.Sqlite;

public sealed class SqliteWalCheckpointerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private DirectoryInfo _folder = null!;
    private SqliteWalCheckpointer _checkpointer = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = Directory.CreateTempSubdirectory("backlog-checkpointer-");
        _checkpointer = new SqliteWalCheckpointer(NullLogger<SqliteWalCheckpointer>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _checkpointer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Test]
    public async Task Request_CommittedPagesInTheWal_AreCopiedIntoTheDatabaseFileWhileTheWriterStaysOpen()
    {
        var path = Path.Combine(_folder.FullName, "backlog.db");
        var connectionString = $"Data Source={path}";
        await using var writer = await OpenWalAsync(connectionString);
        await ExecuteAsync(writer, "CREATE TABLE t (x TEXT NOT NULL);");
        await ExecuteAsync(writer, """
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
            INSERT INTO t SELECT hex(randomblob(500)) FROM n;
            COMMIT;
            """);
        var before = new FileInfo(path).Length;

        _checkpointer.Request(connectionString);

        await WaitUntilAsync(() => _checkpointer.Checkpoints >= 1 && new FileInfo(path).Length > before + 1_000_000);
        Assert.That(await CountAsync(writer), Is.EqualTo(2000), "the checkpoint copies, it changes no data");
    }

    [Test]
    public async Task Request_InMemoryDatabase_IsLeftAloneAndCreatesNoFile()
    {
        _checkpointer.Request("Data Source=:memory:");
        _checkpointer.Request("Data Source=shared;Mode=Memory;Cache=Shared");
        await _checkpointer.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_checkpointer.Checkpoints, Is.Zero);
            Assert.That(File.Exists("shared"), Is.False);
        });
    }

    [Test]
    public async Task Request_DatabaseThatCannotBeOpened_IsLoggedAndTheNextRequestStillCheckpoints()
    {
        var unreachable = $"Data Source={Path.Combine(_folder.FullName, "missing-folder", "backlog.db")};Mode=ReadWrite";
        var path = Path.Combine(_folder.FullName, "backlog.db");
        var connectionString = $"Data Source={path}";
        await using var writer = await OpenWalAsync(connectionString);
        await ExecuteAsync(writer, "CREATE TABLE t (x TEXT NOT NULL); INSERT INTO t VALUES ('a');");

        _checkpointer.Request(unreachable);
        await Task.Delay(200);
        _checkpointer.Request(connectionString);

        await WaitUntilAsync(() => _checkpointer.Checkpoints >= 1);
        Assert.That(File.Exists(Path.Combine(_folder.FullName, "missing-folder", "backlog.db")), Is.False);
    }

    [Test]
    public async Task Dispose_ContainerDisposedSynchronouslyAfterACheckpoint_StopsCleanly()
    {
        var path = Path.Combine(_folder.FullName, "backlog.db");
        var connectionString = $"Data Source={path}";
        await using (var writer = await OpenWalAsync(connectionString))
        {
            await ExecuteAsync(writer, "CREATE TABLE t (x TEXT NOT NULL); INSERT INTO t VALUES ('a');");
        }

        var provider = new ServiceCollection().AddLogging().AddSingleton<SqliteWalCheckpointer>().BuildServiceProvider();
        var checkpointer = provider.GetRequiredService<SqliteWalCheckpointer>();
        checkpointer.Request(connectionString);
        await WaitUntilAsync(() => checkpointer.Checkpoints >= 1);

        Assert.DoesNotThrow(provider.Dispose);
        checkpointer.Request(connectionString);
        Assert.That(checkpointer.Checkpoints, Is.EqualTo(1), "a stopped checkpointer takes no more requests");
    }

    private static async Task<SqliteConnection> OpenWalAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // No auto-checkpoint on the writer: only the checkpointer may move pages into the database file.
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("The background checkpoint did not happen in time.");
            }

            await Task.Delay(20);
        }
    }
}
