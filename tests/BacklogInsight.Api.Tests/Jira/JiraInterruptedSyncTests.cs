using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>
/// A Jira sync that stops halfway (the site fails, or the process is killed) and is then resumed ends with exactly
/// the data of one uninterrupted sync; rate limiting only slows it down.
/// </summary>
[TestFixture]
public sealed class JiraInterruptedSyncTests
{
    private const int Issues = 150;
    private const int PageSize = 25;
    private const int KilledIssues = 60;
    private const int KilledPageSize = 10;

    /// <summary>A lighter site than the end-to-end one (fewer histories per issue), still with changelog overflow.</summary>
    private static readonly FakeJiraSiteOptions Site = new() { Issues = Issues, MaxOrdinaryHistories = 6, LongHistoryShare = 0.03 };
    private TempDirectory _reference = null!;
    private string _referenceFingerprint = null!;

    [OneTimeSetUp]
    public async Task SyncUninterrupted()
    {
        _reference = new TempDirectory();
        await using var fake = await FakeJiraServer.StartAsync(new FakeJiraSite(Site));
        await using var factory = NewFactory(_reference.Path);
        using var client = factory.CreateClient();
        var connection = await JiraSyncHarness.CreateConnectionAsync(client, fake);
        Assert.That(await JiraSyncHarness.SyncAsync(factory, client, connection), Is.Null);
        _referenceFingerprint = await DatabaseSnapshot.FingerprintAsync(_reference.Path);
    }

    [OneTimeTearDown]
    public void TearDown() => _reference.Dispose();

    [Test]
    public async Task Sync_SiteFailsHalfwayThenResumed_EndsIdenticalToAnUninterruptedSync()
    {
        using var data = new TempDirectory();
        await using var fake = await FakeJiraServer.StartAsync(new FakeJiraSite(Site));
        await using var factory = NewFactory(data.Path);
        using var client = factory.CreateClient();
        var connection = await JiraSyncHarness.CreateConnectionAsync(client, fake);

        fake.FailSearchFromOffset = 4 * PageSize;
        var failure = await JiraSyncHarness.SyncAsync(factory, client, connection);
        var storedAtFailure = await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT COUNT(*) FROM WorkItems");
        fake.FailSearchFromOffset = null;
        var resumed = await JiraSyncHarness.SyncAsync(factory, client, connection);

        Assert.That(failure, Is.Not.Null, "the injected failure stopped the first sync");
        Assert.That(storedAtFailure, Is.EqualTo(4 * PageSize), "the pages before the failure were stored");
        Assert.That(resumed, Is.Null);
        Assert.That(await DatabaseSnapshot.FingerprintAsync(data.Path), Is.EqualTo(_referenceFingerprint));
    }

    [Test]
    public async Task Sync_RateLimited_HonoursRetryAfterAndStoresTheSame()
    {
        using var data = new TempDirectory();
        await using var fake = await FakeJiraServer.StartAsync(new FakeJiraSite(Site));
        await using var factory = NewFactory(data.Path);
        using var client = factory.CreateClient();
        var connection = await JiraSyncHarness.CreateConnectionAsync(client, fake);

        fake.ThrottleEvery = 30;
        var failure = await JiraSyncHarness.SyncAsync(factory, client, connection);

        Assert.That(failure, Is.Null);
        Assert.That(fake.CountOf(FakeJiraServer.Throttled), Is.GreaterThan(0));
        Assert.That(await DatabaseSnapshot.FingerprintAsync(data.Path), Is.EqualTo(_referenceFingerprint));
        Assert.That(
            await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT Retries FROM SyncRuns"),
            Is.EqualTo(fake.CountOf(FakeJiraServer.Throttled)),
            "every 429 is recorded as a retry");
    }

    [Test]
    public async Task SyncCommand_KilledMidwayThenRestarted_EndsIdenticalToAnUninterruptedSync()
    {
        using var uninterrupted = new TempDirectory();
        using var interrupted = new TempDirectory();
        // Smaller still: three syncs in separate processes.
        await using var fake = await FakeJiraServer.StartAsync(new FakeJiraSite(Site with { Issues = KilledIssues }));
        await using (var factory = NewFactory(uninterrupted.Path, KilledPageSize))
        {
            // The same connection as the configured one, synced in-process: a process start less.
            using var client = factory.CreateClient();
            var connection = await JiraSyncHarness.CreateConnectionAsync(client, fake, "pay-jira", projects: []);
            Assert.That(await JiraSyncHarness.SyncAsync(factory, client, connection), Is.Null);
        }

        fake.Delay = TimeSpan.FromMilliseconds(20);
        using (var killed = ServiceProcess.Start(SyncArguments(interrupted.Path, fake)))
        {
            await WaitForStoredPagesAsync(interrupted.Path, killed, pages: 2);
            killed.Kill();
        }

        fake.Delay = null;
        var storedAtKill = await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM WorkItems");
        Assert.That(storedAtKill, Is.InRange(2 * KilledPageSize, KilledIssues - 1), "the kill came after two pages and before the end");

        // The dead process's lease runs out after Sync:LeaseDuration (2 s here); then a new process may take over.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using (var resumed = await ServiceProcess.RunToEndAsync(SyncArguments(interrupted.Path, fake)))
        {
            Assert.That(resumed.ExitCode, Is.Zero, resumed.Output);
        }

        Assert.That(await DatabaseSnapshot.FingerprintAsync(interrupted.Path), Is.EqualTo(await DatabaseSnapshot.FingerprintAsync(uninterrupted.Path)));
        Assert.That(await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM WorkItems"), Is.EqualTo(KilledIssues));
        Assert.That(await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM SyncRuns WHERE Status = 'Abandoned'"), Is.EqualTo(1));
    }

    private static BacklogApiFactory NewFactory(string path, int pageSize = PageSize) =>
        new(path, new Dictionary<string, string?>
        {
            ["Organisation:TimeZone"] = "Europe/Berlin",
            ["Sources:Jira:SearchPageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>A configured connection follows every project (configuration cannot hold the projects list as an array).</summary>
    private static string[] SyncArguments(string dataDirectory, FakeJiraServer fake) =>
    [
        "sync", "--connection", "pay-jira", "--once",
        $"--Storage:DataDirectory={dataDirectory}",
        "--Organisation:TimeZone=Europe/Berlin",
        "--Connections:0:Name=pay-jira",
        "--Connections:0:Kind=jira",
        $"--Connections:0:BaseUrl={fake.BaseUrl}",
        "--Connections:0:Settings:deployment=cloud",
        "--Connections:0:Settings:email=x@y",
        "--Connections:0:Secrets:token=fake-token",
        $"--Sources:Jira:SearchPageSize={KilledPageSize}",
        "--Sync:LeaseDuration=00:00:02",
        "--Security:Outbound:AllowHttp=true",
        "--Security:Outbound:AllowedNetworks:0=127.0.0.0/8",
    ];

    private static async Task WaitForStoredPagesAsync(string dataDirectory, ServiceProcess process, int pages)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            Assert.That(process.HasExited, Is.False, $"the sync ended before it could be killed:\n{process.Output}");
            if (DatabaseSnapshot.Exists(dataDirectory))
            {
                try
                {
                    if (await DatabaseSnapshot.ScalarAsync(dataDirectory, "SELECT MAX(Pages) FROM SyncRuns WHERE Status = 'Running'") >= pages)
                    {
                        return;
                    }
                }
                catch (System.Data.Common.DbException)
                {
                    // The schema is still being created.
                }
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
