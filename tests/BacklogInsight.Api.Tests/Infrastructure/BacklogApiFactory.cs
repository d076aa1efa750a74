using BacklogInsight.Workers.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>
/// The real host on a throwaway data folder: a SQLite file, Hangfire in memory with no server (tests run the jobs
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
        }.Concat(settings ?? new Dictionary<string, string?>())));
        return base.CreateHost(builder);
    }

    /// <summary>Runs a queued sync run the way a worker would.</summary>
    public async Task RunSyncJobAsync(Guid connectionId, Guid runId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncConnectionJob>().RunAsync(connectionId, runId, CancellationToken.None);
    }
}
