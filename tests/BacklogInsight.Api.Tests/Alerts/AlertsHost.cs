using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Alerts;
using BacklogInsight.Workers.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BacklogInsight.Api.Tests.Alerts;

/// <summary>
/// The real host on a copy of a database holding the synced sample organisation (synced once per test run), with
/// a fake clock an hour after the sample's end and a recording notifier. Each host has its own copy.
/// </summary>
public sealed class AlertsHost : IAsyncDisposable
{
    public static readonly DateTimeOffset SampleNow = DateTimeOffset.Parse(SampleConnection.Now, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static TempDirectory? _template;

    private readonly TempDirectory _data;
    private readonly BacklogApiFactory _root;
    private readonly WebApplicationFactory<Program> _factory;

    private readonly bool _ownsData;

    private AlertsHost(TempDirectory data, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings, bool ownsData = true)
    {
        _data = data;
        _ownsData = ownsData;
        Time = time;
        _root = new BacklogApiFactory(data.Path, settings);
        _factory = _root.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IAlertNotifier>(Notifier);
        }));
        Client = _factory.CreateClient();
    }

    public FakeTimeProvider Time { get; }

    public RecordingNotifier Notifier { get; } = new();

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A host on a fresh copy of the synced sample.</summary>
    public static async Task<AlertsHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var template = await TemplateAsync();
        var data = new TempDirectory();
        TestDatabase.Copy(template.Path, data.Path);
        return new AlertsHost(data, new FakeTimeProvider(SampleNow.AddHours(1)), settings);
    }

    public async Task<AlertEvaluationResult> EvaluateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvaluateAlertsJob>().RunAsync(CancellationToken.None);
    }

    public async Task<T> WithDbAsync<T>(Func<BacklogDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BacklogDbContext>());
    }

    public async Task<List<JsonNode>> AlertsAsync(string query = "") => await ApiJson.ReadAllPagesAsync(Client, $"/api/alerts?limit=1000{query}");

    public async Task<long> TeamIdAsync(string name)
    {
        var teams = await ApiJson.ReadAllPagesAsync(Client, "/api/teams");
        return teams.Single(t => t!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<long>();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
        if (_ownsData)
        {
            _data.Dispose();
        }
    }

    private static async Task<TempDirectory> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var template = new TempDirectory();
                var time = new FakeTimeProvider(SampleNow.AddMinutes(30));
                await using (var host = new AlertsHost(template, time, null, ownsData: false))
                {
                    var created = await host.Client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("demo"));
                    var connectionId = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
                    var accepted = await host.Client.PostAsync($"/api/connections/{connectionId}/sync", null);
                    var runId = (await ApiJson.ReadAsync(accepted))["runId"]!.GetValue<Guid>();
                    await using var scope = host.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SyncConnectionJob>().RunAsync(connectionId, runId, CancellationToken.None);
                }

                SqliteConnection.ClearAllPools();
                _template = template;
            }

            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
