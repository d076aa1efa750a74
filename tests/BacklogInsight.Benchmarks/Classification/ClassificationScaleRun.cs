using System.Diagnostics;
using System.Globalization;
using System.Text;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Jira.Fake;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Workers.Classification;
using BacklogInsight.Workers.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Benchmarks.Classification;

/// <summary>
/// <c>--classify-scale [--source jira|azure-devops] [--issues 5000] [--rounds 5] [--outputs file]</c>: the classification
/// step of a sync alone. The fake site is read completely through the real source first, then the pipeline's
/// <see cref="PageClassifier"/> classifies every page, <c>--rounds</c> times on one thread; it prints the process CPU per
/// activity of each round. <c>--outputs</c> writes every activity's class, confidence, rule, reasons and taxonomy version,
/// one line each, so two builds can be compared byte for byte over a whole fake sync.
/// </summary>
public static class ClassificationScaleRun
{
    public const string Switch = "--classify-scale";

    public static async Task<int> RunAsync(string[] args)
    {
        var kind = ScaleHost.Option(args, "--source") ?? "jira";
        var size = int.Parse(ScaleHost.Option(args, "--issues") ?? "5000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(ScaleHost.Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var outputs = ScaleHost.Option(args, "--outputs");
        var data = Directory.CreateTempSubdirectory("backlog-insight-classify-scale-");
        try
        {
            var (pages, people) = await ReadAllAsync(kind, size, data.FullName);
            var activities = pages.Sum(p => p.Changes.Sum(c => c.Activities.Count));
            Console.WriteLine($"Classification scale run ({kind}, {size} items, {activities} activities): .NET {Environment.Version}");
            Console.WriteLine($"load average before the run: {ScaleHost.LoadAverage()}");
            var classifier = new PageClassifier(ClassifierFactory.Create(new ClassificationOptions()));
            for (var round = 1; round <= rounds; round++)
            {
                GC.Collect();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ProcessCpu();
                var threadCpu = ThreadCpu();
                var clock = Stopwatch.StartNew();
                foreach (var page in pages)
                {
                    classifier.Classify(kind, page.Changes, people);
                }

                clock.Stop();
                var cpuSeconds = ProcessCpu() - cpu;
                var threadSeconds = ThreadCpu() - threadCpu;
                var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round}: {clock.Elapsed.TotalSeconds:0.000} s wall, {cpuSeconds:0.000} s process CPU, {threadSeconds:0.00} s thread CPU, "
                    + $"{cpuSeconds * 1e9 / activities:0} ns process CPU and {threadSeconds * 1e9 / activities:0} ns thread CPU per activity, {(double)bytes / activities:0} B allocated per activity"));
            }

            Console.WriteLine($"load average after the run: {ScaleHost.LoadAverage()}");
            if (outputs is not null)
            {
                await WriteOutputsAsync(outputs, pages);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            data.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task WriteOutputsAsync(string path, List<ChangePage> pages)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var change in pages.SelectMany(p => p.Changes))
        {
            foreach (var activity in change.Activities)
            {
                var result = activity.Classification ?? throw new InvalidOperationException($"{activity.SourceKey} was not classified.");
                await writer.WriteLineAsync(string.Join(
                    '\t',
                    change.Item.Key,
                    activity.SourceKey,
                    result.Class.ToString(),
                    result.Confidence.ToString("R", CultureInfo.InvariantCulture),
                    result.RuleId,
                    result.TaxonomyVersion,
                    string.Join(" | ", result.Reasons).ReplaceLineEndings("\\n")));
            }
        }

        Console.WriteLine($"outputs written to {path}");
    }

    /// <summary>Creates a connection to a fresh fake site and reads it completely through the real source, once.</summary>
    private static async Task<(List<ChangePage> Pages, Dictionary<string, Person> People)> ReadAllAsync(string kind, int size, string data)
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
                Name = "classify-scale",
                Kind = kind,
                BaseUrl = baseUrl.AbsoluteUri,
                SettingsJson = kind == "jira"
                    ? """{"deployment":"cloud","email":"x@y","projects":["PAY"]}"""
                    : """{"deployment":"services","projects":[]}""",
                Secrets = new Dictionary<string, string> { ["token"] = kind == "jira" ? "fake-token" : "fake-pat" },
            },
            CancellationToken.None) ?? throw new InvalidOperationException("The connection exists already.");
        var source = scope.ServiceProvider.GetRequiredService<IBacklogSourceFactory>().Create(connection);
        var catalogue = await source.DiscoverAsync(CancellationToken.None);
        var pages = new List<ChangePage>();
        await foreach (var page in source.ReadChangesAsync(null, CancellationToken.None))
        {
            pages.Add(page);
        }

        await host.StopAsync();
        var people = catalogue.People.DistinctBy(p => p.SourceId).ToDictionary(p => p.SourceId, StringComparer.Ordinal);
        return (pages, people);
    }

    /// <summary>This process's CPU time, so other processes on the machine do not count (the garbage collector's does).</summary>
    private static double ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>The calling thread's CPU time (Linux, in 10 ms ticks), to tell the classification from the runtime's own threads.</summary>
    private static double ThreadCpu()
    {
        const string path = "/proc/thread-self/stat";
        if (!File.Exists(path))
        {
            return 0;
        }

        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }


}
