using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.AzureDevOps;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

/// <summary>One WireMock organisation per fixture on a dynamic port, reset before each test, and the source's services.</summary>
public abstract class AzureDevOpsFixtureBase
{
    private WireMockServer? _server;
    private ServiceProvider? _services;

    internal WireMockServer Server => _server!;

    internal AzureDevOpsFake Ado { get; private set; } = null!;

    internal ServiceProvider Services => _services!;

    [OneTimeSetUp]
    public void StartServer() => _server = WireMockServer.Start();

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    [SetUp]
    public void ResetServer()
    {
        Server.Reset();
        Ado = new AzureDevOpsFake(Server);
        _services = AzureDevOpsTestHost.Services(Configure);
    }

    [TearDown]
    public void DisposeServices() => _services?.Dispose();

    /// <summary>Options of this fixture, on top of the fast test defaults.</summary>
    protected virtual void Configure(AzureDevOpsOptions options)
    {
    }

    internal Connection CreateConnection(string settings = AzureDevOpsTestHost.Settings) =>
        AzureDevOpsTestHost.Connection(Ado.BaseUrl, settings);

    internal IBacklogSource CreateSource(string settings = AzureDevOpsTestHost.Settings) =>
        AzureDevOpsTestHost.Source(Services, CreateConnection(settings));
}
