using System.Diagnostics;
using System.Globalization;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Benchmarks.Fakes;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Benchmarks.AzureDevOps;

/// <summary>
/// <c>--ado-scale [--items 5000,20000] [--projects all|none] [--warm-up 1000] [--fake child-process|in-process]</c>: a full first sync of a generated
/// Azure DevOps organisation (4 projects, 12 teams, ~15 updates per item; loopback fake, no latency) through the real
/// pipeline (fetch, parse, normalise, classify, store into SQLite), one fresh host and data folder per size; before it
/// the same host syncs a small organisation of its own (printed as the cold figure) and waits for JIT compilation to
/// settle, so the measured sync shows a warm worker. Prints items/s, CPU,
/// peak memory, requests made against the minimum the updates API allows (and what the reporting revisions API would
/// need for the same revisions), and whether any WIQL query went over the cap.
/// <para>
/// The fake is served by a child process by default (<see cref="ChildProcessScaleFake"/>), which replays answers it
/// has rendered once; the measured sync is preceded by one unmeasured read that renders them all (the cold warm-up
/// sync is not). A real Azure DevOps is another machine: in this process, the fake's JSON rendering and Kestrel cost
/// 12–15% of the CPU and its organisation model sat in the measured working set, so the figures were the pipeline's
/// plus the fake's. What the child still spends during the measured sync is printed as <c>fake CPU</c>.
/// <c>--fake in-process</c> serves it in this process, rendering every answer, as before.
/// </para>
/// </summary>
public static class AdoScaleRun
{
    public const string Switch = "--ado-scale";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (ScaleHost.Option(args, "--items") ?? "5000,20000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var perProject = (ScaleHost.Option(args, "--projects") ?? "all") == "all";
        var warmUp = int.Parse(ScaleHost.Option(args, "--warm-up") ?? "1000", CultureInfo.InvariantCulture);
        var placement = ScaleHost.Placement(args);
        Console.WriteLine($"Azure DevOps scale run: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, "
            + $"scope: {(perProject ? "4 followed projects" : "the whole organisation")}, fake {placement}");
        Console.WriteLine($"load average before the run: {ScaleHost.LoadAverage()}");
        Console.WriteLine("items | updates | comments | activities | seconds | items/s | CPU s (items per CPU s) | peak WS MB | peak managed MB | requests (wiql/batch/updates/comments/other) | minimum | ratio | WIQL over cap | reporting-revisions pages for the same revisions | runtime | fake CPU");
        // --source-only skips the end-to-end sync: the source's own figures, quicker to repeat while tuning it.
        var sourceOnly = args.Contains("--source-only");
        foreach (var size in sizes)
        {
            await RunOneAsync(sourceOnly, size, perProject, warmUp, placement);
        }

        return 0;
    }

    private static async Task RunOneAsync(bool sourceOnly, int items, bool perProject, int warmUp, FakePlacement placement)
    {
        var data = Directory.CreateTempSubdirectory("backlog-insight-ado-scale-");
        try
        {
            using var host = ScaleHost.Build(data.FullName);
            await host.StartAsync();

            if (warmUp > 0 && !sourceOnly)
            {
                Console.Write("  warm-up, cold host: ");
                await SyncOrganisationAsync(host, sourceOnly: false, warmUp, perProject, "ado-warm-up", placement, prime: false);
                await JitSettling.WaitAsync();
            }

            await SyncOrganisationAsync(host, sourceOnly, items, perProject, "ado-scale", placement, prime: placement == FakePlacement.ChildProcess);
            await host.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Syncs a fresh fake organisation of this size as a new connection of the host and prints its figures; with
    /// <paramref name="prime"/>, after one unmeasured read so the fake replays every answer of the measured sync.
    /// </summary>
    private static async Task SyncOrganisationAsync(IHost host, bool sourceOnly, int items, bool perProject, string name, FakePlacement placement, bool prime)
    {
        var figures = OrganisationFigures.Of(items, perProject ? 4 : 1);
        await using var fake = await new FakeSpec(FakeSpec.AzureDevOps, items).ServeAsync(placement);
        await using var scope = host.Services.CreateAsyncScope();
        var projects = perProject ? """["Phoenix","Atlas","Mercury","Orion"]""" : "[]";
        var connection = await scope.ServiceProvider.GetRequiredService<ConnectionRegistration>().CreateAsync(
            new ConnectionDefinition
            {
                Name = name,
                Kind = "azure-devops",
                BaseUrl = fake.BaseUrl.AbsoluteUri,
                SettingsJson = $$"""{"deployment":"services","projects":{{projects}}}""",
                Secrets = new Dictionary<string, string> { ["token"] = "fake-pat" },
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
            using var sampler = new PeakMemorySampler();
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
            if (stored != items)
            {
                throw new InvalidOperationException($"Stored {stored} work items for {items}.");
            }

            if (finished.ActivitiesAdded != figures.Activities)
            {
                throw new InvalidOperationException($"Stored {finished.ActivitiesAdded} activities; the organisation holds {figures.Activities}.");
            }

            var (updates, comments, _, wiql, batch, updatePages, commentPages, reportingPages) = figures;
            var counts = await fake.CountsAsync();
            var made = counts.Where(c => c.Key is not (FakeAdoServer.Throttled or FakeAdoServer.OverCap)).Sum(c => c.Value);
            var core = counts.GetValueOrDefault(FakeAdoServer.Wiql) + counts.GetValueOrDefault(FakeAdoServer.Batch)
                + counts.GetValueOrDefault(FakeAdoServer.Updates) + counts.GetValueOrDefault(FakeAdoServer.Comments);
            var minimum = wiql + batch + updatePages + commentPages;
            var overCap = counts.GetValueOrDefault(FakeAdoServer.OverCap);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{items} | {updates} | {comments} | {finished.ActivitiesAdded} | {clock.Elapsed.TotalSeconds:0.0} | {items / clock.Elapsed.TotalSeconds:0} | {cpu.TotalSeconds:0.0} ({items / cpu.TotalSeconds:0}) | "
                + $"{sampler.PeakWorkingSet / 1048576.0:0} | {sampler.PeakManaged / 1048576.0:0} | "
                + $"{made} ({counts.GetValueOrDefault(FakeAdoServer.Wiql)}/{counts.GetValueOrDefault(FakeAdoServer.Batch)}/{counts.GetValueOrDefault(FakeAdoServer.Updates)}/{counts.GetValueOrDefault(FakeAdoServer.Comments)}/{made - core}) | "
                + $"{minimum} ({wiql}/{batch}/{updatePages}/{commentPages}) | {(double)core / minimum:0.000}x items, {(double)made / minimum:0.000}x all | "
                + $"{(overCap == 0 ? "no WIQL over the cap" : $"{overCap} WIQL over the cap")} | "
                + $"{reportingPages} (+ {batch} batches for long text and links, + {commentPages} comments) | {runtimeCost} | {fakeCost}"));
        }

        // The same read without classifying or storing: how much of the time is the Azure DevOps source itself.
        if (sourceOnly)
        {
            // Without the end-to-end sync before it, the read would pay for JIT compilation (tiering goes on for
            // thousands of requests): one whole read first, as the end-to-end sync would have done.
            var warmUp = scope.ServiceProvider.GetRequiredService<IBacklogSourceFactory>().Create(connection);
            await warmUp.DiscoverAsync(CancellationToken.None);
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
        await source.DiscoverAsync(CancellationToken.None);
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
            $"  source only (fetch, parse, normalise; no classify/store): {read} items in {sourceClock.Elapsed.TotalSeconds:0.0} s = {read / sourceClock.Elapsed.TotalSeconds:0} items/s, CPU {sourceCpu.TotalSeconds:0.0} s = {sourceCpu.TotalMilliseconds / read:0.000} ms per item ({sourceRuntimeCost}), {sourceFakeCost}, {SourceRequests(sourceCounts, figures)}"));

        // Counting the alternative: every revision through the reporting revisions feed, as the same fake serves it.
        await fake.ResetCountsAsync();
        var pages = await ReadReportingFeedAsync(fake.BaseUrl);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reporting revisions feed read to its last batch: {pages} requests"));
    }

    /// <summary>Follows the reporting revisions continuation token to <c>isLastBatch</c>; returns the requests made.</summary>
    private static async Task<int> ReadReportingFeedAsync(Uri baseUrl)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(":fake-pat")));
        string? token = null;
        var requests = 0;
        while (true)
        {
            var url = "_apis/wit/reporting/workitemrevisions?api-version=7.1&$maxPageSize=200"
                + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(url));
            requests++;
            token = document.RootElement.GetProperty("continuationToken").GetString();
            if (document.RootElement.GetProperty("isLastBatch").GetBoolean())
            {
                return requests;
            }
        }
    }

    /// <summary>The requests of the source-only read against the minimum, so a faster read that costs more requests shows.</summary>
    private static string SourceRequests(IReadOnlyDictionary<string, long> counts, OrganisationFigures figures)
    {
        var (_, _, _, wiql, batch, updatePages, commentPages, _) = figures;
        var core = counts.GetValueOrDefault(FakeAdoServer.Wiql) + counts.GetValueOrDefault(FakeAdoServer.Batch)
            + counts.GetValueOrDefault(FakeAdoServer.Updates) + counts.GetValueOrDefault(FakeAdoServer.Comments);
        var minimum = wiql + batch + updatePages + commentPages;
        return string.Create(CultureInfo.InvariantCulture, $"requests {core} (+ discovery) for a minimum of {minimum} = {(double)core / minimum:0.000}x");
    }

    /// <summary>
    /// The organisation's totals, the activities a sync must store and the fewest requests that read it, from an
    /// identical organisation built here (generation is seeded) and dropped again before the measured sync, so it is
    /// not in the measured memory.
    /// </summary>
    private sealed record OrganisationFigures(
        long Updates, long Comments, int Activities, long MinimumWiql, long MinimumBatch, long MinimumUpdatePages, long MinimumCommentPages, long ReportingPages)
    {
        public static OrganisationFigures Of(int items, int scopes)
        {
            var organisation = new FakeAdoOrganisation(new FakeAdoOptions { Items = items });
            long updates = 0, comments = 0;
            for (var i = 0; i < organisation.Count; i++)
            {
                var (u, c) = organisation.Shape(i);
                updates += u;
                comments += c;
            }

            var (wiql, batch, updatePages, commentPages) = organisation.MinimumRequests(scopes);
            return new OrganisationFigures(
                updates, comments, organisation.ExpectedActivityKeys().Count, wiql, batch, updatePages, commentPages, organisation.MinimumReportingRevisionPages());
        }
    }

}
