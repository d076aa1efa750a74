using System.Diagnostics;
using System.Globalization;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;
using BacklogInsight.Benchmarks.Fakes;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Benchmarks.Jira;

/// <summary>
/// <c>--jira-scale [--issues 5000,20000] [--page-size 100] [--warm-up 1000] [--fake child-process|in-process]</c>: a full
/// first sync of a generated Jira Cloud site (loopback fake, no latency) through the real pipeline (fetch, parse, map, classify, store into SQLite),
/// one fresh host and data folder per size. A worker is a long-running process: before the measured sync, the same
/// host syncs a small site of its own (another connection, printed as the cold figure) and waits until tiered JIT
/// compilation has settled, so the measured sync shows the throughput of a warm worker. Prints throughput (wall clock, and per CPU second of this process, which the
/// load of a shared machine distorts less), peak memory, and requests against the API's minimum.
/// <para>
/// The fake is served by a child process by default (<see cref="ChildProcessScaleFake"/>), which replays answers it
/// has rendered once; the measured sync is preceded by one unmeasured read that renders them all (the cold warm-up
/// sync is not). A real Jira is another machine: in this process, the fake's JSON rendering and Kestrel cost 12–15% of
/// the CPU and its site model sat in the measured working set, so the figures were the pipeline's plus the fake's.
/// What the child still spends during the measured sync is printed as <c>fake CPU</c>. <c>--fake in-process</c>
/// serves it in this process, rendering every answer, as before.
/// </para>
/// </summary>
public static class JiraScaleRun
{
    public const string Switch = "--jira-scale";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (ScaleHost.Option(args, "--issues") ?? "5000,20000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var pageSize = int.Parse(ScaleHost.Option(args, "--page-size") ?? "100", CultureInfo.InvariantCulture);
        var warmUp = int.Parse(ScaleHost.Option(args, "--warm-up") ?? "1000", CultureInfo.InvariantCulture);
        var placement = ScaleHost.Placement(args);
        Console.WriteLine($"Jira scale run: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, page size {pageSize}, fake {placement}");
        Console.WriteLine($"load average before the run: {ScaleHost.LoadAverage()}");
        Console.WriteLine("issues | histories | comments | activities | seconds | issues/s | CPU s (issues per CPU s) | peak WS MB | peak managed MB | requests (search/changelog/comment/other) | minimum | ratio | runtime | fake CPU");
        // --source-only skips the end-to-end sync: the source's own figures, quicker to repeat while tuning it.
        var sourceOnly = args.Contains("--source-only");
        foreach (var size in sizes)
        {
            await RunOneAsync(sourceOnly, size, pageSize, warmUp, placement);
        }

        return 0;
    }

    private static async Task RunOneAsync(bool sourceOnly, int issues, int pageSize, int warmUp, FakePlacement placement)
    {
        var data = Directory.CreateTempSubdirectory("backlog-insight-jira-scale-");
        try
        {
            using var host = ScaleHost.Build(data.FullName, new Dictionary<string, string?>
            {
                ["Sources:Jira:SearchPageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            });
            await host.StartAsync();

            if (warmUp > 0 && !sourceOnly)
            {
                Console.Write("  warm-up, cold host: ");
                await SyncSiteAsync(host, sourceOnly: false, warmUp, pageSize, "jira-warm-up", placement, prime: false);
                await JitSettling.WaitAsync();
            }

            await SyncSiteAsync(host, sourceOnly, issues, pageSize, "jira-scale", placement, prime: placement == FakePlacement.ChildProcess);
            await host.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Syncs a fresh fake site of this size as a new connection of the host and prints its figures; with
    /// <paramref name="prime"/>, after one unmeasured read so the fake replays every answer of the measured sync.
    /// </summary>
    private static async Task SyncSiteAsync(IHost host, bool sourceOnly, int issues, int pageSize, string name, FakePlacement placement, bool prime)
    {
        var figures = SiteFigures.Of(issues, pageSize);
        await using var fake = await new FakeSpec(FakeSpec.Jira, issues).ServeAsync(placement);
        await using var scope = host.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<ConnectionRegistration>().CreateAsync(
            new ConnectionDefinition
            {
                Name = name,
                Kind = "jira",
                BaseUrl = fake.BaseUrl.AbsoluteUri,
                SettingsJson = """{"deployment":"cloud","email":"x@y","projects":["PAY"]}""",
                Secrets = new Dictionary<string, string> { ["token"] = "fake-token" },
            },
            CancellationToken.None) ?? throw new InvalidOperationException("The connection exists already.");
        if (!sourceOnly)
        {
            if (prime)
            {
                await FakePriming.PrimeAsync(scope.ServiceProvider.GetRequiredService<IBacklogSourceFactory>(), connection, fake);
            }

            var run = await scope.ServiceProvider.GetRequiredService<SyncRunRecorder>().QueueAsync(connection.Id, "benchmark", CancellationToken.None);
            await fake.ResetCountsAsync();

            GC.Collect();
            using var sampler = new MemorySampler();
            var fakeCpu = new FakeCpuMeter(fake);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var runtime = RuntimeCost.Now();
            var clock = Stopwatch.StartNew();
            var finished = await scope.ServiceProvider.GetRequiredService<SyncPipeline>().RunAsync(connection.Id, run.Id, CancellationToken.None);
            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var runtimeCost = RuntimeCost.Now() - runtime;
            var fakeCost = fakeCpu.Report();
            sampler.Sample();

            var db = scope.ServiceProvider.GetRequiredService<BacklogDbContext>();
            var stored = db.WorkItems.Count(w => w.ConnectionId == connection.Id);
            if (stored != issues)
            {
                throw new InvalidOperationException($"Stored {stored} work items for {issues} issues.");
            }

            var (totalHistories, totalComments, search, changelog, comment) = figures;
            var counts = await fake.CountsAsync();
            var made = counts.Where(c => c.Key != FakeJiraServer.Throttled).Sum(c => c.Value);
            var overflowMade = counts.GetValueOrDefault(FakeJiraServer.Search) + counts.GetValueOrDefault(FakeJiraServer.Changelog) + counts.GetValueOrDefault(FakeJiraServer.Comment);
            var minimum = search + changelog + comment;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{issues} | {totalHistories} | {totalComments} | {finished.ActivitiesAdded} | {clock.Elapsed.TotalSeconds:0.0} | {issues / clock.Elapsed.TotalSeconds:0} | {cpu.TotalSeconds:0.0} ({issues / cpu.TotalSeconds:0}) | "
                + $"{sampler.PeakWorkingSet / 1048576.0:0} | {sampler.PeakManaged / 1048576.0:0} | "
                + $"{made} ({counts.GetValueOrDefault(FakeJiraServer.Search)}/{counts.GetValueOrDefault(FakeJiraServer.Changelog)}/{counts.GetValueOrDefault(FakeJiraServer.Comment)}/{made - overflowMade}) | "
                + $"{minimum} ({search}/{changelog}/{comment}) | {(double)overflowMade / minimum:0.000}x paging, {(double)made / minimum:0.000}x all | {runtimeCost} | {fakeCost}"));
        }

        // The same read without classifying or storing: how much of the time is the Jira source itself.
        if (sourceOnly)
        {
            // Without the end-to-end sync before it, the read would pay for JIT compilation (tiering goes on for
            // thousands of requests): one whole read first, as the end-to-end sync would have done.
            var warmUp = scope.ServiceProvider.GetRequiredService<IBacklogSourceFactory>().Create(connection);
            var warmed = 0;
            await foreach (var page in warmUp.ReadChangesAsync(null, CancellationToken.None))
            {
                warmed += page.Changes.Count;
            }
        }

        await fake.ResetCountsAsync();
        var sourceFakeCpu = new FakeCpuMeter(fake);
        var source = scope.ServiceProvider.GetRequiredService<IBacklogSourceFactory>().Create(connection);
        var read = 0;
        var sourceCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var sourceRuntime = RuntimeCost.Now();
        var sourceClock = Stopwatch.StartNew();
        await foreach (var page in source.ReadChangesAsync(null, CancellationToken.None))
        {
            read += page.Changes.Count;
        }

        sourceClock.Stop();
        var sourceCpu = Process.GetCurrentProcess().TotalProcessorTime - sourceCpuBefore;
        var sourceRuntimeCost = RuntimeCost.Now() - sourceRuntime;
        var sourceFakeCost = sourceFakeCpu.Report();
        var sourceCounts = await fake.CountsAsync();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  source only (fetch, parse, map; no classify/store): {read} issues in {sourceClock.Elapsed.TotalSeconds:0.0} s = {read / sourceClock.Elapsed.TotalSeconds:0} issues/s, CPU {sourceCpu.TotalSeconds:0.0} s = {sourceCpu.TotalMilliseconds / read:0.000} ms per issue ({sourceRuntimeCost}), {sourceFakeCost}, {SourceRequests(sourceCounts, figures)}"));
    }

    /// <summary>The paging requests of the source-only read against the minimum, so a faster read that costs more requests shows.</summary>
    private static string SourceRequests(IReadOnlyDictionary<string, long> counts, SiteFigures figures)
    {
        var (_, _, search, changelog, comment) = figures;
        var paging = counts.GetValueOrDefault(FakeJiraServer.Search) + counts.GetValueOrDefault(FakeJiraServer.Changelog) + counts.GetValueOrDefault(FakeJiraServer.Comment);
        var minimum = search + changelog + comment;
        return string.Create(CultureInfo.InvariantCulture, $"requests {paging} (+ discovery) for a minimum of {minimum} = {(double)paging / minimum:0.000}x");
    }

    /// <summary>
    /// The site's totals and the fewest requests that read it, from an identical site built here (generation is
    /// seeded) and dropped again before the measured sync, so it is not in the measured memory.
    /// </summary>
    private sealed record SiteFigures(long Histories, long Comments, long MinimumSearch, long MinimumChangelog, long MinimumComment)
    {
        public static SiteFigures Of(int issues, int pageSize)
        {
            var site = new FakeJiraSite(new FakeJiraSiteOptions { Issues = issues });
            long histories = 0, comments = 0;
            for (var i = 0; i < site.Count; i++)
            {
                var (h, c) = site.Shape(i);
                histories += h;
                comments += c;
            }

            var (search, changelog, comment) = site.MinimumRequests(pageSize);
            return new SiteFigures(histories, comments, search, changelog, comment);
        }
    }

    /// <summary>Samples the process working set and the managed heap every 50 ms; keeps the peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private readonly Lock _gate = new();

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

        public long PeakWorkingSet { get; private set; }

        public long PeakManaged { get; private set; }

        public void Sample()
        {
            using var process = Process.GetCurrentProcess();
            var workingSet = process.WorkingSet64;
            var managed = GC.GetTotalMemory(forceFullCollection: false);
            lock (_gate)
            {
                PeakWorkingSet = Math.Max(PeakWorkingSet, workingSet);
                PeakManaged = Math.Max(PeakManaged, managed);
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
