using BacklogInsight.FaultSuite.AzureDevOps;

namespace BacklogInsight.FaultSuite.Trackers;

/// <summary>The suite's fake Azure DevOps Services organisation (<see cref="FakeAzureDevOpsServer"/>): project Phoenix, two teams.</summary>
public sealed class AzureDevOpsTracker : FakeTracker
{
    private readonly FakeAzureDevOpsServer _server;

    private AzureDevOpsTracker(FakeAzureDevOpsServer server) => _server = server;

    public override TrackerKind Kind => TrackerKind.AzureDevOps;

    public override Uri BaseUrl => _server.BaseUrl;

    public override int Count => _server.Site.Count;

    public static async Task<AzureDevOpsTracker> StartAsync(int items) =>
        new(await FakeAzureDevOpsServer.StartAsync(new FakeAzureDevOpsSite(new FakeAzureDevOpsSiteOptions { Items = items })));

    public override IReadOnlyDictionary<string, string> ConnectionSettings(Uri baseUrl) => new Dictionary<string, string>
    {
        ["Kind"] = "azure-devops",
        ["BaseUrl"] = baseUrl.AbsoluteUri.TrimEnd('/'),
        ["Settings:deployment"] = "services",
        ["Settings:projects:0"] = FakeAzureDevOpsSite.Project,
        ["Secrets:token"] = "fake-pat",
    };

    public override string Classify(string method, string path) => path switch
    {
        _ when path.EndsWith("/wiql", StringComparison.Ordinal) => "wiql",
        _ when path.EndsWith("/workitemsbatch", StringComparison.Ordinal) => "batch",
        _ when path.EndsWith("/updates", StringComparison.Ordinal) => "updates",
        _ when path.EndsWith("/comments", StringComparison.Ordinal) => "comments",
        _ => "discovery",
    };

    /// <summary>The activity keys depend on which fields the mapper keeps; the clean run is the reference instead.</summary>
    public override IReadOnlySet<string>? ExpectedActivityKeys() => null;

    public override ValueTask DisposeAsync() => _server.DisposeAsync();

    protected override void TouchSite(int index, DateTimeOffset at) => _server.Site.Touch(index, at);
}
