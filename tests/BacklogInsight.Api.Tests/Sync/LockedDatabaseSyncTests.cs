using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira;
using BacklogInsight.Api.Tests.Jira.Fake;
using Microsoft.Data.Sqlite;

namespace BacklogInsight.Api.Tests.Sync;

/// <summary>
/// Another process holds the database's write lock past the busy timeout while a sync stores a page: the run ends
/// failed and says so (its record is written once the lock is gone), keeps the pages before, and the next run resumes.
/// </summary>
[TestFixture]
public sealed class LockedDatabaseSyncTests
{
    private const int PageSize = 20;

    [Test]
    public async Task Sync_DatabaseLockedLongerThanTheBusyTimeout_FailsSayingWhyAndTheNextRunResumes()
    {
        if (TestDatabase.IsPostgres)
        {
            Assert.Ignore("A SQLite file lock; PostgreSQL has no database-wide write lock to hold.");
        }

        using var data = new TempDirectory();
        var site = new FakeJiraSite(new FakeJiraSiteOptions { Issues = 60, MaxOrdinaryHistories = 4, LongHistoryShare = 0 });
        await using var fake = await FakeJiraServer.StartAsync(site);
        Task? released = null;
        fake.AfterSearchPage = offset =>
        {
            if (offset == PageSize && released is null)
            {
                released = HoldWriteLockAsync(data.Path, TimeSpan.FromSeconds(3));
            }
        };
        await using var factory = new BacklogApiFactory(data.Path, new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={DatabaseSnapshot.PathIn(data.Path)};Default Timeout=1",
            ["Sources:Jira:SearchPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = factory.CreateClient();
        var connection = await JiraSyncHarness.CreateConnectionAsync(client, fake);

        var failure = await JiraSyncHarness.SyncAsync(factory, client, connection);
        await released!;
        fake.AfterSearchPage = null;
        var resumed = await JiraSyncHarness.SyncAsync(factory, client, connection);

        Assert.That(failure, Is.Not.Null, "the locked database stopped the first run");
        var errors = await JiraSyncHarness.StoredAsync(data.Path, "SELECT Status || ': ' || COALESCE(Error, '') FROM SyncRuns ORDER BY QueuedAt");
        Assert.That(errors[0], Does.StartWith("Failed: The database stayed locked by another process"));
        Assert.That(resumed, Is.Null);
        Assert.That(await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT COUNT(*) FROM SyncStates WHERE LeaseHolder IS NOT NULL"), Is.Zero, "the lease was released");
        var stored = await JiraSyncHarness.StoredAsync(data.Path, "SELECT SourceKey FROM Activities");
        Assert.That(JiraSyncHarness.Fingerprint(stored), Is.EqualTo(JiraSyncHarness.Fingerprint(JiraSyncHarness.ExpectedActivityKeys(site))));
    }

    /// <summary>Takes the write lock now (as another process writing would) and releases it after <paramref name="hold"/>.</summary>
    private static Task HoldWriteLockAsync(string dataDirectory, TimeSpan hold)
    {
        var connection = new SqliteConnection($"Data Source={DatabaseSnapshot.PathIn(dataDirectory)};Pooling=False;Default Timeout=30");
        connection.Open();
        using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        return Task.Run(async () =>
        {
            await Task.Delay(hold);
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        });
    }
}
