using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Jira.Fake;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Benchmarks.Pipeline;

/// <summary>
/// <c>--pipeline-scale [--source jira|azure-devops] [--issues 5000] [--keep-data]</c>: what the sync costs after the source. The
/// fake site is read completely into memory first (fetch, parse, map), then the real <see cref="SyncPipeline"/> runs
/// over those pages replayed by an instant source, so the figures are classification, team weeks and storage
/// (SQLite) only: wall clock and CPU of this process for that part alone. The end-to-end runs
/// (<c>--jira-scale</c>, <c>--ado-scale</c>) show the sum; this one shows which side of it is which.
/// </summary>
public static class PipelineScaleRun
{
    public const string Switch = "--pipeline-scale";

    public static async Task<int> RunAsync(string[] args)
    {
        var kind = ScaleHost.Option(args, "--source") ?? "jira";
        var sizes = (ScaleHost.Option(args, "--issues") ?? "5000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var keepData = args.Contains("--keep-data");
        Console.WriteLine($"Pipeline scale run ({kind}): {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine($"load average before the run: {ScaleHost.LoadAverage()}");
        Console.WriteLine("items | activities | source read s | pipeline s | items/s | pipeline CPU s | ms CPU per item | items per CPU s");
        foreach (var size in sizes)
        {
            await RunOneAsync(kind, size, keepData);
        }

        return 0;
    }

    private static async Task RunOneAsync(string kind, int size, bool keepData)
    {
        var data = Directory.CreateTempSubdirectory("backlog-insight-pipeline-scale-");
        try
        {
            var (catalogue, pages, readSeconds, connection) = await ReadAllAsync(kind, size, data.FullName);
            var replay = new ReplaySourceFactory(kind, catalogue, pages);
            using var host = ScaleHost.Build(data.FullName, configure: services => services.Replace(ServiceDescriptor.Singleton<IBacklogSourceFactory>(replay)));
            await host.StartAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<SyncRunRecorder>().QueueAsync(connection, "benchmark", CancellationToken.None);

            GC.Collect();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var finished = await scope.ServiceProvider.GetRequiredService<SyncPipeline>().RunAsync(connection, run.Id, CancellationToken.None);
            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{finished.Items} | {finished.ActivitiesAdded} | {readSeconds:0.0} | {clock.Elapsed.TotalSeconds:0.0} | {finished.Items / clock.Elapsed.TotalSeconds:0} | "
                + $"{cpu.TotalSeconds:0.0} | {cpu.TotalMilliseconds / finished.Items:0.00} | {finished.Items / cpu.TotalSeconds:0}"));
            await host.StopAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keepData)
            {
                Console.WriteLine($"  database kept in {data.FullName}");
            }
            else
            {
                data.Delete(recursive: true);
            }
        }
    }

    /// <summary>Creates the connection and reads the whole fake site through the real source, once.</summary>
    private static async Task<(SourceCatalogue Catalogue, List<ChangePage> Pages, double Seconds, Guid Connection)> ReadAllAsync(string kind, int size, string data)
    {
        await using var fake = kind == "jira"
            ? (IAsyncDisposable)await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = size }))
            : await FakeAdoServer.StartAsync(new FakeAdoOrganisation(new FakeAdoOptions { Items = size }));
        var baseUrl = fake is FakeJiraServer jira ? jira.BaseUrl : ((FakeAdoServer)fake).BaseUrl;
        using var host = ScaleHost.Build(data);
        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<ConnectionRegistration>().CreateAsync(
            new ConnectionDefinition
            {
                Name = "pipeline-scale",
                Kind = kind,
                BaseUrl = baseUrl.AbsoluteUri,
                SettingsJson = kind == "jira"
                    ? """{"deployment":"cloud","email":"x@y","projects":["PAY"]}"""
                    : """{"deployment":"services","projects":[]}""",
                Secrets = new Dictionary<string, string> { ["token"] = kind == "jira" ? "fake-token" : "fake-pat" },
            },
            CancellationToken.None) ?? throw new InvalidOperationException("The connection exists already.");
        var source = scope.ServiceProvider.GetRequiredService<IBacklogSourceFactory>().Create(connection);
        var clock = Stopwatch.StartNew();
        var catalogue = await source.DiscoverAsync(CancellationToken.None);
        var pages = new List<ChangePage>();
        await foreach (var page in source.ReadChangesAsync(null, CancellationToken.None))
        {
            pages.Add(page);
        }

        clock.Stop();
        await host.StopAsync();
        return (catalogue, pages, clock.Elapsed.TotalSeconds, connection.Id);
    }



    /// <summary>Hands out pages read before, instantly, once.</summary>
    private sealed class ReplaySourceFactory(string kind, SourceCatalogue catalogue, List<ChangePage> pages) : IBacklogSourceFactory, IBacklogSource
    {
        public IReadOnlyCollection<string> Kinds => [kind];

        public IBacklogSource Create(Connection connection) => this;

        public Task<SourceCatalogue> DiscoverAsync(CancellationToken cancellationToken) => Task.FromResult(catalogue);

        public async IAsyncEnumerable<ChangePage> ReadChangesAsync(SyncCheckpoint? since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return page;
            }

            await Task.CompletedTask;
        }
    }
}
