using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.AzureDevOps;

/// <summary>
/// An Azure DevOps sync that stops halfway (the organisation fails, or the process is killed) and is then resumed ends
/// with exactly the data of one uninterrupted sync; rate limiting only slows it down and is counted.
/// </summary>
[TestFixture]
public sealed class AdoInterruptedSyncTests
{
    private const int Items = 120;
    private const int BatchSize = 20;
    private const int KilledItems = 60;
    private const int KilledBatchSize = 10;

    private static readonly FakeAdoOptions Organisation = new() { Items = Items, MaxOrdinaryUpdates = 8 };
    private TempDirectory _reference = null!;
    private string _referenceFingerprint = null!;

    [OneTimeSetUp]
    public async Task SyncUninterrupted()
    {
        _reference = new TempDirectory();
        await using var fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(Organisation));
        await using var factory = new BacklogApiFactory(_reference.Path, AdoSyncHarness.HostSettings(BatchSize));
        using var client = factory.CreateClient();
        var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake);
        Assert.That(await AdoSyncHarness.SyncAsync(factory, client, connection), Is.Null);
        _referenceFingerprint = await DatabaseSnapshot.FingerprintAsync(_reference.Path);
    }

    [OneTimeTearDown]
    public void TearDown() => _reference.Dispose();

    [Test]
    public async Task Sync_OrganisationFailsHalfwayThenResumed_EndsIdenticalToAnUninterruptedSync()
    {
        using var data = new TempDirectory();
        await using var fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(Organisation));
        await using var factory = new BacklogApiFactory(data.Path, AdoSyncHarness.HostSettings(BatchSize));
        using var client = factory.CreateClient();
        var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake);

        fake.FailBatchesAfter = 3;
        var failure = await AdoSyncHarness.SyncAsync(factory, client, connection);
        var storedAtFailure = await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT COUNT(*) FROM WorkItems");
        fake.FailBatchesAfter = null;
        var resumed = await AdoSyncHarness.SyncAsync(factory, client, connection);

        Assert.That(failure, Is.Not.Null, "the injected failure stopped the first sync");
        Assert.That(storedAtFailure, Is.EqualTo(3 * BatchSize), "the pages before the failure were stored");
        Assert.That(resumed, Is.Null);
        Assert.That(await DatabaseSnapshot.FingerprintAsync(data.Path), Is.EqualTo(_referenceFingerprint));
    }

    [Test]
    public async Task Sync_RateLimited_HonoursRetryAfterAndStoresTheSame()
    {
        using var data = new TempDirectory();
        await using var fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(Organisation));
        await using var factory = new BacklogApiFactory(data.Path, AdoSyncHarness.HostSettings(BatchSize));
        using var client = factory.CreateClient();
        var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake);

        fake.ThrottleEvery = 40;
        var failure = await AdoSyncHarness.SyncAsync(factory, client, connection);

        Assert.That(failure, Is.Null);
        Assert.That(fake.CountOf(FakeAdoServer.Throttled), Is.GreaterThan(0));
        Assert.That(await DatabaseSnapshot.FingerprintAsync(data.Path), Is.EqualTo(_referenceFingerprint));
        Assert.That(
            await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT Retries FROM SyncRuns"),
            Is.EqualTo(fake.CountOf(FakeAdoServer.Throttled)),
            "every 429 is recorded as a retry");
    }

    [Test]
    public async Task SyncCommand_KilledMidwayThenRestarted_EndsIdenticalToAnUninterruptedSync()
    {
        using var uninterrupted = new TempDirectory();
        using var interrupted = new TempDirectory();
        await using var fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(Organisation with { Items = KilledItems }));
        await using (var factory = new BacklogApiFactory(uninterrupted.Path, AdoSyncHarness.HostSettings(KilledBatchSize)))
        {
            // The same connection as the configured one, synced in-process: a process start less.
            using var client = factory.CreateClient();
            var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake, "contoso-ado");
            Assert.That(await AdoSyncHarness.SyncAsync(factory, client, connection), Is.Null);
        }

        fake.Delay = TimeSpan.FromMilliseconds(25);
        using (var killed = ServiceProcess.Start(SyncArguments(interrupted.Path, fake)))
        {
            await WaitForStoredPagesAsync(interrupted.Path, killed, pages: 2);
            killed.Kill();
        }

        fake.Delay = null;
        var storedAtKill = await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM WorkItems");
        Assert.That(storedAtKill, Is.InRange(2 * KilledBatchSize, KilledItems - 1), "the kill came after two pages and before the end");

        // The dead process's lease runs out after Sync:LeaseDuration (2 s here); then a new process may take over.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using (var resumed = await ServiceProcess.RunToEndAsync(SyncArguments(interrupted.Path, fake)))
        {
            Assert.That(resumed.ExitCode, Is.Zero, resumed.Output);
        }

        Assert.That(await DatabaseSnapshot.FingerprintAsync(interrupted.Path), Is.EqualTo(await DatabaseSnapshot.FingerprintAsync(uninterrupted.Path)));
        Assert.That(await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM WorkItems"), Is.EqualTo(KilledItems));
        Assert.That(await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM SyncRuns WHERE Status = 'Abandoned'"), Is.EqualTo(1));
    }

    private static string[] SyncArguments(string dataDirectory, FakeAdoServer fake) =>
    [
        "sync", "--connection", "contoso-ado", "--once",
        $"--Storage:DataDirectory={dataDirectory}",
        "--Organisation:TimeZone=Europe/Berlin",
        "--Connections:0:Name=contoso-ado",
        "--Connections:0:Kind=azure-devops",
        $"--Connections:0:BaseUrl={fake.BaseUrl}",
        "--Connections:0:Settings:deployment=services",
        "--Connections:0:Secrets:token=fake-pat",
        $"--Sources:AzureDevOps:BatchSize={KilledBatchSize}",
        "--Sources:AzureDevOps:MaxConcurrentRequestsPerConnection=1",
        "--Sync:LeaseDuration=00:00:02",
        "--Security:Outbound:AllowHttp=true",
        "--Security:Outbound:AllowedNetworks:0=127.0.0.0/8",
    ];

    private static async Task WaitForStoredPagesAsync(string dataDirectory, ServiceProcess process, int pages)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            Assert.That(process.HasExited, Is.False, $"the sync ended before it could be killed:\n{process.Output}");
            if (TestDatabase.IsPostgres || File.Exists(DatabaseSnapshot.PathIn(dataDirectory)))
            {
                try
                {
                    if (await DatabaseSnapshot.ScalarAsync(dataDirectory, "SELECT MAX(Pages) FROM SyncRuns WHERE Status = 'Running'") >= pages)
                    {
                        return;
                    }
                }
                catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
                {
                    // The schema is still being created.
                }
            }

            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no {pages} pages were stored within 3 minutes:\n{process.Output}");
            }
        }
    }
}
