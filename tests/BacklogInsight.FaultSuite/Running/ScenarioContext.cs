using System.Collections.Concurrent;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.FaultSuite.Faults;
using BacklogInsight.FaultSuite.Trackers;
using Microsoft.Data.Sqlite;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>What a scenario's fault plan may act on: the site, the data folder, the seed; and the faults it injected itself.</summary>
public sealed class ScenarioContext(FakeTracker tracker, string dataDirectory, int seed, string scenario)
{
    private readonly ConcurrentBag<Task> _background = [];
    private int _injected;

    public FakeTracker Tracker { get; } = tracker;

    public string DataDirectory { get; } = dataDirectory;

    public int Seed { get; } = seed;

    /// <summary>Draws the scenario's random choices (which request fails, which items change); salted by the scenario, so two scenarios fault different requests.</summary>
    public FaultPlan Dice { get; } = new(seed, scenario);

    /// <summary>Faults injected outside the proxy's own decisions (rewritten pages, changed items, locks, kills).</summary>
    public int Injected => Volatile.Read(ref _injected);

    public void Inject(int count = 1) => Interlocked.Add(ref _injected, count);

    /// <summary>
    /// Another connection takes the database's write lock (<c>BEGIN IMMEDIATE</c>) now and holds it for
    /// <paramref name="hold"/> in the background, as a second process writing would.
    /// </summary>
    public async Task LockDatabaseAsync(TimeSpan hold)
    {
        var connection = new SqliteConnection($"Data Source={DatabaseSnapshot.PathIn(DataDirectory)};Pooling=False;Default Timeout=60");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        Inject();
        _background.Add(Task.Run(async () =>
        {
            await Task.Delay(hold);
            await using (var rollback = connection.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }));
    }

    public Task WhenBackgroundDoneAsync() => Task.WhenAll(_background);
}
