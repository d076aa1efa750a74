using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BacklogInsight.Api.Infrastructure.Security;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Api.Tests.Browser;

/// <summary>The real service with the demo organisation, on a free loopback port, serving the dashboard.</summary>
public sealed class DashboardService : IDisposable
{
    private readonly TempDirectory _data;
    private readonly ServiceProcess _process;

    private DashboardService(string url, TempDirectory data, ServiceProcess process)
    {
        BaseUrl = url;
        _data = data;
        _process = process;
    }

    public string BaseUrl { get; }

    public string Output => _process.Output;

    /// <summary>The admin key: printed by the demo at start, or the bootstrap key given to an empty service.</summary>
    public string AdminKey { get; private set; } = string.Empty;

    /// <summary>Starts the service; without <paramref name="demo"/> it starts empty and is ready once it answers /health/ready.</summary>
    public static async Task<DashboardService> StartAsync(bool demo = true)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var data = new TempDirectory();
        List<string> arguments = ["serve", "--urls", url, $"--Storage:DataDirectory={data.Path}", "--Organisation:TimeZone=Europe/Berlin"];
        var bootstrapKey = string.Empty;
        if (demo)
        {
            arguments.Insert(1, "--demo");
        }
        else
        {
            bootstrapKey = ApiKeySecret.Generate();
            arguments.Add($"--Security:BootstrapKeyHash={ApiKeySecret.Hash(bootstrapKey)}");

            // An empty service is there to be connected to the tests' fake trackers on loopback.
            arguments.AddRange(["--Security:Outbound:AllowHttp=true", "--Security:Outbound:AllowedNetworks:0=127.0.0.0/8"]);
        }

        if (WebRoot() is { } webRoot)
        {
            arguments.Add($"--webroot={webRoot}");
        }

        var service = new DashboardService(url, data, ServiceProcess.Start(arguments)) { AdminKey = bootstrapKey };
        try
        {
            if (demo)
            {
                await service.WaitForDemoDataAsync(TimeSpan.FromMinutes(3));
            }
            else
            {
                await service.WaitForReadyAsync(TimeSpan.FromMinutes(3));
            }

            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        _data.Dispose();
    }

    /// <summary>
    /// The test output holds the Api's assembly but not its wwwroot; the build's static web assets manifest says
    /// where the files are (the source folder), which is what <c>dotnet run</c> serves too.
    /// </summary>
    private static string? WebRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "BacklogInsight.Api.staticwebassets.runtime.json");
        if (!File.Exists(manifest))
        {
            return Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? null : throw new InvalidOperationException("No wwwroot and no static web assets manifest next to the tests.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.GetProperty("ContentRoots").EnumerateArray()
            .Select(root => root.GetString())
            .FirstOrDefault(root => root is not null && File.Exists(Path.Combine(root, "index.html")));
    }

    private async Task WaitForReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var until = TimeProvider.System.GetUtcNow() + limit;
        while (TimeProvider.System.GetUtcNow() < until)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The service was not ready within {limit}:\n{Output}");
    }

    /// <summary>The ISO week the tests look at: the current one, or the previous one while the current is still empty.</summary>
    public string Week { get; private set; } = string.Empty;

    /// <summary>Until the demo sync has succeeded and a recent week shows activity.</summary>
    private async Task WaitForDemoDataAsync(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{Output}");
            }

            if (AdminKey.Length == 0)
            {
                AdminKey = PrintedKey() ?? string.Empty;
                if (AdminKey.Length == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200));
                    continue;
                }

                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            }

            try
            {
                var connections = await http.GetFromJsonAsync<JsonElement>("/api/connections");
                var synced = connections.GetProperty("items").EnumerateArray()
                    .Any(c => c.GetProperty("lastSucceededAt").ValueKind == JsonValueKind.String);
                if (!synced)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                    continue;
                }

                // The sample's history ends now: early on a Monday the current week may still be empty, the last one never is.
                var current = await http.GetFromJsonAsync<JsonElement>("/api/org/balance");
                var currentWeek = IsoWeek.Parse(current.GetProperty("week").GetString()!);
                foreach (var week in new[] { currentWeek, currentWeek.Previous() })
                {
                    var balance = await http.GetFromJsonAsync<JsonElement>($"/api/org/balance?week={week}");
                    if (balance.GetProperty("totals").GetProperty("total").GetInt32() > 0)
                    {
                        Week = week.ToString();
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"No demo activity within {limit}:\n{Output}");
    }

    private string? PrintedKey() => Output.Split('\n')
        .Where(line => line.StartsWith(DemoAdminKey.OutputPrefix, StringComparison.Ordinal))
        .Select(line => line[DemoAdminKey.OutputPrefix.Length..].Trim())
        .FirstOrDefault();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
