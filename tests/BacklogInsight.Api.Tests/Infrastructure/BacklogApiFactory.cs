using System.Net.Http.Headers;
using System.Net.Http.Json;
using BacklogInsight.Api.Infrastructure.Security;
using BacklogInsight.Workers.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>
/// The real host on a throwaway data folder: a SQLite file (or the folder's PostgreSQL database, see
/// <see cref="TestDatabase"/>), Hangfire in memory with no server (tests run the jobs themselves), and the sample
/// source. Two factories on the same folder are a restart. Its clients carry an admin key (<see cref="AdminKey"/>,
/// accepted through <c>Security:BootstrapKeyHash</c>) unless made otherwise; trackers may be faked on loopback over plain http.
/// </summary>
public sealed class BacklogApiFactory(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The admin key every client of <see cref="CreateClient()"/> sends.</summary>
    public const string AdminKey = "bik_test-admin-key-of-the-api-factory-0123456789abcdef";

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Services added after the host's own (e.g. a Serilog sink that captures every log event).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client with a new key of <paramref name="scope"/> (<c>read</c> or <c>admin</c>).</summary>
    public HttpClient CreateClientWithScope(string scope) => CreateClientWithKey(CreateKeyAsync("test-" + scope, scope).GetAwaiter().GetResult());

    /// <summary>A client sending <paramref name="key"/> as its bearer key.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Creates a key the way <c>keys create</c> does; returns the key itself.</summary>
    public async Task<string> CreateKeyAsync(string name, string scope)
    {
        await using var keyScope = Services.CreateAsyncScope();
        var (_, key) = await keyScope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(name, scope, CancellationToken.None);
        return key;
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        if (ExtraServices is not null)
        {
            builder.ConfigureServices(ExtraServices);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration reaches Program before it reads its own configuration (unlike ConfigureAppConfiguration).
        var merged = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Jobs:Storage"] = "memory",
            ["Jobs:RunServer"] = "false",
            ["Log:Format"] = "text",
            ["Security:BootstrapKeyHash"] = ApiKeySecret.Hash(AdminKey),
            ["Security:RateLimitPermits"] = "1000000",
            ["Security:Outbound:AllowHttp"] = "true",
            ["Security:Outbound:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Security:Outbound:AllowedNetworks:1"] = "::1/128",
        };
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory).Concat(settings ?? new Dictionary<string, string?>()))
        {
            merged[key] = value;
        }

        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(merged));
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
