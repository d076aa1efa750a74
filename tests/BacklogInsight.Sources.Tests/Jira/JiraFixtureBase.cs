using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>One WireMock Jira per fixture on a dynamic port, reset before each test, and the source's services.</summary>
public abstract class JiraFixtureBase
{
    private WireMockServer? _server;
    private ServiceProvider? _services;

    internal WireMockServer Server => _server!;

    internal JiraFake Jira { get; private set; } = null!;

    internal ServiceProvider Services => _services!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = WireMockServer.Start();
        Jira = new JiraFake(_server);
    }

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    [SetUp]
    public void ResetServer()
    {
        Server.Reset();
        _services = JiraTestHost.Services(Configure);
        Arrange();
    }

    [TearDown]
    public void DisposeServices() => _services?.Dispose();

    /// <summary>Options of this fixture, on top of the fast test defaults.</summary>
    protected virtual void Configure(JiraOptions options)
    {
    }

    /// <summary>Fake endpoints every test of this fixture needs.</summary>
    protected virtual void Arrange()
    {
    }

    internal IBacklogSource CreateSource(string settings = JiraTestHost.CloudSettings) =>
        JiraTestHost.Source(Services, JiraTestHost.Connection(Server.Urls[0], settings));
}
