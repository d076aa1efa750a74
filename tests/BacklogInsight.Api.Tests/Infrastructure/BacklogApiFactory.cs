using System.Net.Http.Json;
using BacklogInsight.Workers.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>
/// The real host on a throwaway data folder: a SQLite file (or the folder's PostgreSQL database, see
/// <see cref="TestDatabase"/>), Hangfire in memory with no server (tests run the jobs
/// themselves), and the sample source. Two factories on the same folder are a restart.
/// </summary>
public sealed class BacklogApiFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration reaches Program before it reads its own configuration (unlike ConfigureAppConfiguration).
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Jobs:Storage"] = "memory",
            ["Jobs:RunServer"] = "false",
            ["Log:Format"] = "text",
        }.Concat(TestDatabase.SettingsFor(DataDirectory)).Concat(settings ?? new Dictionary<string, string?>())));
        return base.CreateHost(builder);
    }

    /// <summary>Creates a sample connection through the API and syncs it the way a worker would; returns its id.</summary>
    public async Task<Guid> CreateAndSyncSampleAsync(HttpClient client, string name = "demo")
    {
        var created = await client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest(name));
        Assert.That(created.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var connectionId = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
        var accepted = await client.PostAsync($"/api/connections/{connectionId}/sync", null);
        Assert.That(accepted.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await accepted.Content.ReadAsStringAsync());
        await RunSyncJobAsync(connectionId, (await ApiJson.ReadAsync(accepted))["runId"]!.GetValue<Guid>());
        return connectionId;
    }

    /// <summary>Runs a queued sync run the way a worker would.</summary>
    public async Task RunSyncJobAsync(Guid connectionId, Guid runId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncConnectionJob>().RunAsync(connectionId, runId, CancellationToken.None);
    }
}
