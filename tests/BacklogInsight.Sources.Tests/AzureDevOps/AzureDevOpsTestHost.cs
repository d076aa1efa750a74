using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Sources.Http;
using BacklogInsight.Sources.Tests.Jira;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

/// <summary>The Azure DevOps source wired as the host wires it (AddAzureDevOpsSource), pointed at a fake, with tiny delays.</summary>
internal static class AzureDevOpsTestHost
{
    public const string Settings = """{"deployment":"services","projects":["Phoenix"]}""";

    public static ServiceProvider Services(
        Action<AzureDevOpsOptions>? configure = null, IConnectionSecrets? secrets = null, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(secrets ?? new FakeConnectionSecrets());
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddAzureDevOpsSource();
        services.Configure<OutboundOptions>(LoopbackFakes.Allow);
        services.Configure<AzureDevOpsOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryAfter = TimeSpan.FromMilliseconds(5);
            o.LowRemainingPause = TimeSpan.FromMilliseconds(5);
            o.MaxRetries = 3;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    public static Connection Connection(string baseUrl, string settings = Settings) => new()
    {
        Id = Guid.NewGuid(),
        Name = "contoso-ado",
        Kind = SourceKinds.AzureDevOps,
        BaseUrl = baseUrl,
        SettingsJson = settings,
    };

    public static IBacklogSource Source(ServiceProvider services, Connection connection) =>
        services.GetServices<IBacklogSourceProvider>().Single(p => p.Kind == SourceKinds.AzureDevOps).Create(connection);

    public static async Task<List<ChangePage>> ReadAllAsync(IBacklogSource source, SyncCheckpoint? since = null)
    {
        var pages = new List<ChangePage>();
        await foreach (var page in source.ReadChangesAsync(since, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }
}
