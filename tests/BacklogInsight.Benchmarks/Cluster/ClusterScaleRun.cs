using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Infrastructure.Security;
using BacklogInsight.Api.Tests.Jira.Fake;
using BacklogInsight.Benchmarks.Balance;

namespace BacklogInsight.Benchmarks.Cluster;

/// <summary>
/// Scale-out: four Jira connections (fake sites on loopback answering with a simulated network latency) synced by a
/// cluster of one API and one worker process, then by one API and two workers, each on a fresh PostgreSQL database;
/// prints both wall times from trigger to the last finished sync, and their ratio. Each worker process runs
/// <c>--sync-slots</c> syncs at a time (<c>Jobs:SyncWorkerCount</c>, default 1), so the figure shows what one more worker
/// process adds when the syncs wait on the trackers' latency, the usual case.
/// Run: dotnet run -c Release --project tests/BacklogInsight.Benchmarks -- --cluster-scale --postgres "Host=…" [--issues 400] [--latency-ms 20] [--sync-slots 1]
/// </summary>
public static class ClusterScaleRun
{
    public const string Switch = "--cluster-scale";
    private const int Sites = 4;
    private static readonly string AdminKey = ApiKeySecret.Generate();

    public static async Task<int> RunAsync(string[] args)
    {
        var server = Option(args, "--postgres") ?? throw new ArgumentException("--cluster-scale needs --postgres \"Host=…;Username=…;Password=…\".");
        var issues = int.Parse(Option(args, "--issues") ?? "400", CultureInfo.InvariantCulture);
        var latency = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--latency-ms") ?? "20", CultureInfo.InvariantCulture));
        var slots = int.Parse(Option(args, "--sync-slots") ?? "1", CultureInfo.InvariantCulture);
        Console.WriteLine($"Cluster scale run: {Environment.ProcessorCount} cores, load average {LoadAverage()}, {slots} sync slot(s) per worker");
        var fakes = new List<FakeJiraServer>();
        for (var i = 0; i < Sites; i++)
        {
            var fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = issues, Seed = 300 + i }));
            fake.Delay = latency;
            fakes.Add(fake);
        }

        try
        {
            var times = new Dictionary<int, TimeSpan>();
            foreach (var workers in new[] { 1, 2 })
            {
                times[workers] = await SyncAllAsync(server, fakes, workers, slots);
                Console.WriteLine($"{Sites} connections x {issues} issues, {latency.TotalMilliseconds} ms per request, {workers} worker(s): {times[workers].TotalSeconds:F1} s");
            }

            Console.WriteLine($"ratio 1 worker / 2 workers: {times[1] / times[2]:F2} (load average after: {LoadAverage()})");
            return 0;
        }
        finally
        {
            foreach (var fake in fakes)
            {
                await fake.DisposeAsync();
            }
        }
    }

    private static async Task<TimeSpan> SyncAllAsync(string server, List<FakeJiraServer> fakes, int workerCount, int slots)
    {
        var database = await PostgresScaleDatabase.CreateAsync(server);
        var data = Directory.CreateTempSubdirectory("backlog-cluster-scale-").FullName;
        var processes = new List<Process>();
        try
        {
            var apiUrl = $"http://127.0.0.1:{FreePort()}";
            processes.Add(Start("api", apiUrl, database, data, slots));
            await WaitHealthyAsync(apiUrl);
            for (var i = 0; i < workerCount; i++)
            {
                var url = $"http://127.0.0.1:{FreePort()}";
                processes.Add(Start("worker", url, database, data, slots));
                await WaitHealthyAsync(url);
            }

            using var client = new HttpClient { BaseAddress = new Uri(apiUrl) };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
            var connections = new List<Guid>();
            foreach (var (fake, i) in fakes.Select((f, i) => (f, i)))
            {
                var created = await client.PostAsJsonAsync("/api/connections", new
                {
                    name = $"site-{i}",
                    kind = "jira",
                    baseUrl = fake.BaseUrl.AbsoluteUri,
                    settings = new { deployment = "cloud", email = "x@y", projects = Array.Empty<string>() },
                    secrets = new { token = "fake-token" },
                });
                connections.Add(JsonNode.Parse(await created.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>());
            }

            var watch = Stopwatch.StartNew();
            var runs = new List<(Guid Connection, Guid Run)>();
            foreach (var connection in connections)
            {
                var accepted = await client.PostAsync($"/api/connections/{connection}/sync", null);
                runs.Add((connection, JsonNode.Parse(await accepted.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!["runId"]!.GetValue<Guid>()));
            }

            foreach (var (connection, run) in runs)
            {
                while (true)
                {
                    var status = JsonNode.Parse(await client.GetStringAsync($"/api/connections/{connection}/sync-runs/{run}"))!["status"]!.GetValue<string>();
                    if (status == "succeeded")
                    {
                        break;
                    }

                    if (status == "failed")
                    {
                        throw new InvalidOperationException($"sync {run} failed");
                    }

                    await Task.Delay(100);
                }
            }

            return watch.Elapsed;
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }

            await PostgresScaleDatabase.DropAsync(database);
            Directory.Delete(data, recursive: true);
        }
    }

    private static Process Start(string role, string url, string database, string data, int slots)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "BacklogInsight.Api.dll"), "serve", "--role", role, "--urls", url,
            "--Storage:Provider=postgres", $"--Storage:ConnectionString={database}", $"--Storage:DataDirectory={data}",
            "--Sync:DefaultCron=0 0 1 1 *", "--Jobs:PollInterval=00:00:00.250", $"--Jobs:SyncWorkerCount={slots}", "--Log:Format=json",
            "--Serilog:MinimumLevel:Default=Warning", $"--Security:BootstrapKeyHash={ApiKeySecret.Hash(AdminKey)}",
            "--Security:Outbound:AllowHttp=true", "--Security:Outbound:AllowedNetworks:0=127.0.0.0/8",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            try
            {
                if ((await http.GetAsync($"{url}/health", deadline.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !deadline.IsCancellationRequested))
            {
                // Not listening yet.
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
