using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Http;
using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>The Jira source wired as the host wires it (AddJiraSource), pointed at a fake, with fast retries.</summary>
internal static class JiraTestHost
{
    public const string CloudSettings = """{"deployment":"cloud","email":"dana@acme-demo.example","projects":["PAY"]}""";

    public static ServiceProvider Services(Action<JiraOptions>? configure = null, IConnectionSecrets? secrets = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(secrets ?? new FakeConnectionSecrets());
        services.AddJiraSource();
        services.Configure<OutboundOptions>(LoopbackFakes.Allow);
        services.Configure<JiraOptions>(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetries = 3;
            o.DiscoverAllUsers = false;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    public static Connection Connection(string baseUrl, string settings = CloudSettings) => new()
    {
        Id = Guid.NewGuid(),
        Name = "acme-jira",
        Kind = SourceKinds.Jira,
        BaseUrl = baseUrl,
        SettingsJson = settings,
    };

    public static IBacklogSource Source(ServiceProvider services, Connection connection) =>
        services.GetServices<IBacklogSourceProvider>().Single(p => p.Kind == SourceKinds.Jira).Create(connection);

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
