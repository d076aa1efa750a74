using System.Net;
using System.Net.Sockets;
using BacklogInsight.Api.Infrastructure.Security;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Cluster;

/// <summary>
/// One <c>serve --role api</c> and two <c>serve --role worker</c> processes sharing one PostgreSQL database (the data
/// folder's, see <see cref="TestDatabase"/>) and one key ring, tuned so a dead worker's job is taken over in seconds.
/// </summary>
public sealed class ClusterNodes : IDisposable
{
    private ClusterNodes(string apiUrl, ServiceProcess api, List<ServiceProcess> workers)
    {
        ApiUrl = apiUrl;
        Api = api;
        Workers = workers;
    }

    public string ApiUrl { get; }

    /// <summary>The admin key every node accepts (through <c>Security:BootstrapKeyHash</c>).</summary>
    public static string AdminKey { get; } = ApiKeySecret.Generate();

    /// <summary>A client of the API node carrying the admin key.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(ApiUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public ServiceProcess Api { get; }

    public IReadOnlyList<ServiceProcess> Workers { get; }

    /// <summary>Starts the API, waits until it answers, then the workers.</summary>
    public static async Task<ClusterNodes> StartAsync(string dataDirectory, int jiraPageSize)
    {
        var apiUrl = $"http://127.0.0.1:{FreePort()}";
        var api = ServiceProcess.Start(["serve", "--role", "api", "--urls", apiUrl, .. Settings(dataDirectory, jiraPageSize)]);
        await WaitUntilHealthyAsync(apiUrl, api);
        var workers = new List<ServiceProcess>();
        for (var i = 0; i < 2; i++)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var worker = ServiceProcess.Start(["serve", "--role", "worker", "--urls", url, .. Settings(dataDirectory, jiraPageSize)]);
            workers.Add(worker);
            await WaitUntilHealthyAsync(url, worker);
        }

        return new ClusterNodes(apiUrl, api, workers);
    }

    /// <summary>Everything every node logged.</summary>
    public string Output => string.Join('\n', Workers.Select(w => w.Output).Prepend(Api.Output));

    public void Dispose()
    {
        foreach (var worker in Workers)
        {
            worker.Dispose();
        }

        Api.Dispose();
    }

    private static string[] Settings(string dataDirectory, int jiraPageSize) =>
    [
        $"--Storage:DataDirectory={dataDirectory}",
        "--Organisation:TimeZone=Europe/Berlin",
        // No scheduled sync during the test: every run is one the test triggered.
        "--Sync:DefaultCron=0 0 1 1 *",
        "--Sync:LeaseDuration=00:00:03",
        "--Jobs:InvisibilityTimeout=00:00:08",
        "--Jobs:PollInterval=00:00:00.250",
        "--Jobs:SyncWorkerCount=2",
        $"--Sources:Jira:SearchPageSize={jiraPageSize}",
        $"--Security:BootstrapKeyHash={ApiKeySecret.Hash(AdminKey)}",
        "--Security:Outbound:AllowHttp=true",
        "--Security:Outbound:AllowedNetworks:0=127.0.0.0/8",
    ];

    private static async Task WaitUntilHealthyAsync(string url, ServiceProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!deadline.IsCancellationRequested)
        {
            Assert.That(process.HasExited, Is.False, $"the node stopped:\n{process.Output}");
            try
            {
                if ((await http.GetAsync($"{url}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{url} did not become healthy:\n{process.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
