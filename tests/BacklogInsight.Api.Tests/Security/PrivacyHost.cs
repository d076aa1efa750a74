using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Alerts;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Alerts;
using BacklogInsight.Workers.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// The real host on a data folder with the given privacy settings and a clock an hour after the sample's end; two hosts
/// on the same folder are a restart. <see cref="SyncSampleAsync"/> syncs the sample organisation for real.
/// </summary>
public sealed class PrivacyHost : IAsyncDisposable
{
    public const string Week = "2026-W47";

    private readonly BacklogApiFactory _root;
    private readonly WebApplicationFactory<Program> _factory;

    public PrivacyHost(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        _root = new BacklogApiFactory(dataDirectory, settings);
        _factory = _root.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(AlertsHost.SampleNow.AddHours(1)))));
        Client = _factory.CreateClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Creates the sample connection, syncs it, raises the alerts and stores the week's reports.</summary>
    public async Task SyncSampleAsync()
    {
        var created = await Client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("demo"));
        created.EnsureSuccessStatusCode();
        var connectionId = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
        var accepted = await Client.PostAsync($"/api/connections/{connectionId}/sync", null);
        accepted.EnsureSuccessStatusCode();
        var runId = (await ApiJson.ReadAsync(accepted))["runId"]!.GetValue<Guid>();
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SyncConnectionJob>().RunAsync(connectionId, runId, CancellationToken.None);
        }

        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvaluateAlertsJob>().RunAsync(CancellationToken.None);
        }

        (await Client.PostAsync($"/api/reports/{Week}/generate", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Every stored person's display name and account id: what must never be shown with pseudonyms on.</summary>
    public async Task<(List<string> Names, List<string> AccountIds)> IdentitiesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var people = await scope.ServiceProvider.GetRequiredService<BacklogDbContext>().People.AsNoTracking().ToListAsync();
        return (people.Select(p => p.DisplayName).ToList(), people.Select(p => p.SourceId).ToList());
    }

    public async Task<long> TeamIdAsync(string name) =>
        (await ApiJson.ReadAllPagesAsync(Client, "/api/teams")).Single(t => t["name"]!.GetValue<string>() == name)["id"]!.GetValue<long>();

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ApiJson.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
    }
}
