using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.CommandLine;

/// <summary>
/// <c>sync --connection NAME --once</c> in a real process, including a <c>kill -9</c> in the middle of a sync.
/// </summary>
[TestFixture]
public sealed class SyncCommandTests
{
    private const int PageSize = 500;

    [Test]
    public async Task Sync_KilledMidwayThenRestarted_EndsWithExactlyTheDataOfAnUninterruptedSync()
    {
        using var uninterrupted = new TempDirectory();
        using var interrupted = new TempDirectory();
        using (var reference = await ServiceProcess.RunToEndAsync(SyncArguments(uninterrupted.Path)))
        {
            Assert.That(reference.ExitCode, Is.Zero, reference.Output);
        }

        using (var killed = ServiceProcess.Start(SyncArguments(interrupted.Path, "--Sources:Sample:PageDelay=00:00:00.250")))
        {
            await WaitForStoredPagesAsync(interrupted.Path, killed, pages: 4);
            killed.Kill();
        }

        var storedAtKill = await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM Activities");
        var pagesAtKill = await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT MAX(Pages) FROM SyncRuns");
        var total = await DatabaseSnapshot.ScalarAsync(uninterrupted.Path, "SELECT COUNT(*) FROM Activities");
        Assert.That(storedAtKill, Is.EqualTo(pagesAtKill * PageSize), "only whole pages are stored");
        Assert.That(storedAtKill, Is.LessThan(total), "the kill came before the end");

        // The dead process's lease runs out after Sync:LeaseDuration (2 s here); then a new process may take over.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using (var resumed = await ServiceProcess.RunToEndAsync(SyncArguments(interrupted.Path)))
        {
            Assert.That(resumed.ExitCode, Is.Zero, resumed.Output);
            Assert.That(resumed.Output, Does.Contain($"{total - storedAtKill} activities added"));
        }

        Assert.That(await DatabaseSnapshot.FingerprintAsync(interrupted.Path), Is.EqualTo(await DatabaseSnapshot.FingerprintAsync(uninterrupted.Path)));
        Assert.That(await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM SyncRuns WHERE Status = 'Abandoned'"), Is.EqualTo(1));
        Assert.That(await DatabaseSnapshot.ScalarAsync(interrupted.Path, "SELECT COUNT(*) FROM SyncRuns WHERE Status = 'Succeeded'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Sync_SecondRunWithNoNewData_AddsNothing()
    {
        using var data = new TempDirectory();
        using var first = await ServiceProcess.RunToEndAsync(SyncArguments(data.Path));

        using var second = await ServiceProcess.RunToEndAsync(SyncArguments(data.Path));

        Assert.That(first.ExitCode, Is.Zero, first.Output);
        Assert.That(second.ExitCode, Is.Zero, second.Output);
        Assert.That(second.Output, Does.Contain("0 activities added"));
    }

    [Test]
    public async Task Sync_UnknownConnection_ExitsNonZeroAndSaysSo()
    {
        using var data = new TempDirectory();

        using var run = await ServiceProcess.RunToEndAsync(["sync", "--connection", "nope", "--once", $"--Storage:DataDirectory={data.Path}"]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("No connection named 'nope'"));
    }

    [Test]
    public async Task Sync_FailingSource_ExitsNonZeroAndRecordsTheError()
    {
        using var data = new TempDirectory();

        using var run = await ServiceProcess.RunToEndAsync(SyncArguments(data.Path, "--Connections:0:Settings:seed=not-a-number"));

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain("failed"));
        Assert.That(await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT COUNT(*) FROM SyncRuns WHERE Status = 'Failed' AND Error IS NOT NULL"), Is.EqualTo(1));
    }

    [TestCase("sync", "--once")]
    [TestCase("sync", "--connection", "demo")]
    [TestCase("frobnicate")]
    public async Task Command_Malformed_ExitsWithUsage(params string[] arguments)
    {
        using var run = await ServiceProcess.RunToEndAsync(arguments);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Output, Does.Contain("Usage:"));
    }

    private static string[] SyncArguments(string dataDirectory, params string[] extra) =>
    [
        "sync", "--connection", "demo", "--once",
        $"--Storage:DataDirectory={dataDirectory}",
        "--Connections:0:Name=demo",
        "--Connections:0:Kind=sample",
        $"--Connections:0:Settings:seed={SampleConnection.Seed}",
        $"--Connections:0:Settings:now={SampleConnection.Now}",
        $"--Sources:Sample:PageSize={PageSize}",
        "--Sync:LeaseDuration=00:00:02",
        .. extra,
    ];

    private static async Task WaitForStoredPagesAsync(string dataDirectory, ServiceProcess process, int pages)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
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

            await Task.Delay(50, timeout.Token);
        }
    }
}
