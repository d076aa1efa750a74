using System.Net;
using System.Text.RegularExpressions;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Cluster;

/// <summary>
/// The scale-out mode with real processes: one API and two workers on one PostgreSQL database, four Jira connections to
/// local fake sites. Runs when <c>BACKLOG_TEST_POSTGRES</c> names a server (as <c>.ci/run</c> does).
/// </summary>
[TestFixture]
[Category("Cluster")]
[NonParallelizable]
public sealed partial class ClusterTests
{
    private const int Sites = 4;
    private const int Issues = 60;
    private const int PageSize = 10;

    [SetUp]
    public void RequirePostgres()
    {
        if (!TestDatabase.IsPostgres)
        {
            Assert.Ignore($"The cluster test needs PostgreSQL: set {TestDatabase.Variable} to a server connection string (bash .ci/run does).");
        }
    }

    [Test]
    public async Task FourConnections_TriggeredTwice_EachSyncRunsOnceAndStoresWhatTheSitesHold()
    {
        using var data = new TempDirectory();
        var fakes = await StartFakesAsync();
        try
        {
            using var cluster = await ClusterNodes.StartAsync(data.Path, PageSize);
            using var client = cluster.CreateClient();
            var connections = await CreateConnectionsAsync(client, fakes);

            for (var trigger = 1; trigger <= 2; trigger++)
            {
                var runs = await TriggerAllAsync(client, connections);
                await WaitForRunsAsync(client, cluster, runs);
                foreach (var (connection, name) in connections)
                {
                    Assert.That(SyncStarts(cluster.Output, name), Is.EqualTo(trigger), $"{name}: one sync per trigger\n{cluster.Output}");
                    Assert.That(await RunsOfAsync(data.Path, connection), Is.EqualTo(trigger));
                }
            }

            for (var i = 0; i < Sites; i++)
            {
                var stored = await StoredKeysAsync(data.Path, connections[i].Id);
                Assert.That(JiraSyncHarness.Fingerprint(stored), Is.EqualTo(JiraSyncHarness.Fingerprint(JiraSyncHarness.ExpectedActivityKeys(fakes[i].Site))),
                    $"site {i}: the stored activities are exactly the site's");
            }
        }
        finally
        {
            await DisposeAsync(fakes);
        }
    }

    [Test]
    public async Task WorkerKilledMidSync_TheOtherWorkerFinishesIt_IdenticalToAnUninterruptedRun()
    {
        using var reference = new TempDirectory();
        using var data = new TempDirectory();
        var fakes = await StartFakesAsync();
        try
        {
            // The uninterrupted run: the same four sites synced in-process on a database of its own.
            await using (var factory = new BacklogApiFactory(reference.Path, new Dictionary<string, string?>
            {
                ["Organisation:TimeZone"] = "Europe/Berlin",
                ["Sources:Jira:SearchPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }))
            {
                using var inProcess = factory.CreateClient();
                foreach (var (fake, i) in fakes.Select((f, i) => (f, i)))
                {
                    var id = await JiraSyncHarness.CreateConnectionAsync(inProcess, fake, $"site-{i}", projects: []);
                    Assert.That(await JiraSyncHarness.SyncAsync(factory, inProcess, id), Is.Null);
                }
            }

            foreach (var fake in fakes)
            {
                fake.Delay = TimeSpan.FromMilliseconds(40);
            }

            using var cluster = await ClusterNodes.StartAsync(data.Path, PageSize);
            using var client = cluster.CreateClient();
            var connections = await CreateConnectionsAsync(client, fakes);
            var runs = await TriggerAllAsync(client, connections);

            var victim = await WaitForWorkerHoldingASyncAsync(data.Path, cluster);
            victim.Kill();
            foreach (var fake in fakes)
            {
                fake.Delay = null;
            }

            await WaitForRunsAsync(client, cluster, runs);
            foreach (var (connection, name) in connections)
            {
                Assert.That(await RunsOfAsync(data.Path, connection), Is.EqualTo(1), $"{name}: the killed run was finished, not replaced");
                Assert.That(await FingerprintAsync(data.Path, name), Is.EqualTo(await FingerprintAsync(reference.Path, name)), name);
            }
        }
        finally
        {
            await DisposeAsync(fakes);
        }
    }

    private static async Task<List<FakeJiraServer>> StartFakesAsync()
    {
        var fakes = new List<FakeJiraServer>();
        for (var i = 0; i < Sites; i++)
        {
            fakes.Add(await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = Issues, Seed = 100 + i })));
        }

        return fakes;
    }

    private static async Task DisposeAsync(List<FakeJiraServer> fakes)
    {
        foreach (var fake in fakes)
        {
            await fake.DisposeAsync();
        }
    }

    private static async Task<List<(Guid Id, string Name)>> CreateConnectionsAsync(HttpClient client, List<FakeJiraServer> fakes)
    {
        var connections = new List<(Guid, string)>();
        for (var i = 0; i < fakes.Count; i++)
        {
            connections.Add((await JiraSyncHarness.CreateConnectionAsync(client, fakes[i], $"site-{i}", projects: []), $"site-{i}"));
        }

        return connections;
    }

    private static async Task<List<(Guid Connection, Guid Run)>> TriggerAllAsync(HttpClient client, List<(Guid Id, string Name)> connections)
    {
        var runs = new List<(Guid, Guid)>();
        foreach (var (id, _) in connections)
        {
            var accepted = await client.PostAsync($"/api/connections/{id}/sync", null);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await accepted.Content.ReadAsStringAsync());
            runs.Add((id, (await ApiJson.ReadAsync(accepted))["runId"]!.GetValue<Guid>()));
        }

        return runs;
    }

    private static async Task WaitForRunsAsync(HttpClient client, ClusterNodes cluster, List<(Guid Connection, Guid Run)> runs)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        foreach (var (connection, run) in runs)
        {
            while (true)
            {
                var status = (await ApiJson.ReadAsync(await client.GetAsync($"/api/connections/{connection}/sync-runs/{run}")))["status"]!.GetValue<string>();
                if (status is "succeeded")
                {
                    break;
                }

                Assert.That(status, Is.Not.EqualTo("failed"), cluster.Output);
                Assert.That(timeout.IsCancellationRequested, Is.False, $"run {run} still {status}:\n{cluster.Output}");
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Waits until a worker holds a connection's lease with some pages stored, and returns that worker.</summary>
    private static async Task<ServiceProcess> WaitForWorkerHoldingASyncAsync(string dataDirectory, ClusterNodes cluster)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var holders = await DatabaseSnapshot.ColumnAsync(dataDirectory, """
                SELECT s."LeaseHolder" FROM "SyncStates" s JOIN "SyncRuns" r ON r."ConnectionId" = s."ConnectionId"
                WHERE s."LeaseHolder" IS NOT NULL AND r."Status" = 'Running' AND r."Pages" >= 2
                """);
            foreach (var holder in holders)
            {
                var pid = int.Parse(holder.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (cluster.Workers.FirstOrDefault(w => w.Id == pid) is { } worker)
                {
                    return worker;
                }
            }

            Assert.That(timeout.IsCancellationRequested, Is.False, $"no worker was seen mid-sync:\n{cluster.Output}");
            await Task.Delay(50);
        }
    }

    private static int SyncStarts(string output, string connectionName) =>
        Regex.Matches(output, $@"Sync of ""?{Regex.Escape(connectionName)}""? \(").Count;

    private static Task<long> RunsOfAsync(string dataDirectory, Guid connectionId) =>
        DatabaseSnapshot.ScalarAsync(dataDirectory, $"""SELECT COUNT(*) FROM "SyncRuns" WHERE "ConnectionId" = '{connectionId}'""");

    private static Task<List<string>> StoredKeysAsync(string dataDirectory, Guid connectionId) =>
        DatabaseSnapshot.ColumnAsync(dataDirectory, $"""SELECT "SourceKey" FROM "Activities" WHERE "ConnectionId" = '{connectionId}'""");

    /// <summary>A hash over one connection's activities, work items and checkpoint, found by the connection's name.</summary>
    private static async Task<string> FingerprintAsync(string dataDirectory, string connectionName)
    {
        var rows = await DatabaseSnapshot.ColumnAsync(dataDirectory, $"""
            SELECT concat_ws('|', a."SourceKey", a."WorkItemSourceId", a."ActorSourceId", a."OccurredAt", a."Kind", a."Field", a."From", a."To", a."Text",
                a."Week", a."Class", a."RuleId")
            FROM "Activities" a JOIN "Connections" c ON c."Id" = a."ConnectionId" WHERE c."Name" = '{connectionName}'
            UNION ALL
            SELECT concat_ws('|', w."SourceId", w."Title", w."Status", w."TeamSourceId", w."AssigneeSourceId", w."UpdatedAt")
            FROM "WorkItems" w JOIN "Connections" c ON c."Id" = w."ConnectionId" WHERE c."Name" = '{connectionName}'
            UNION ALL
            SELECT concat_ws('|', k."TeamSourceId", k."Week", k."ActorSourceId", k."Class", k."Count", k."LastAt")
            FROM "ActivityCounts" k JOIN "Connections" c ON c."Id" = k."ConnectionId" WHERE c."Name" = '{connectionName}'
            UNION ALL
            SELECT s."Checkpoint" FROM "SyncStates" s JOIN "Connections" c ON c."Id" = s."ConnectionId" WHERE c."Name" = '{connectionName}'
            """);
        return JiraSyncHarness.Fingerprint(rows);
    }
}
