using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// Server-side request forgery through the API: a connection URL that points inside the network is refused when the
/// connection is created, with a problem that names the field, and again when a sync connects.
/// </summary>
[TestFixture]
public sealed class ConnectionUrlTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, SecuritySettings.StrictOutbound);
        _admin = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [TestCase("https://127.0.0.1:8443", "loopback")]
    [TestCase("https://localhost", "loopback")]
    [TestCase("https://169.254.169.254", "link-local")]
    [TestCase("https://10.1.2.3/jira", "private")]
    [TestCase("https://192.168.0.10", "private")]
    [TestCase("https://[::1]:8080", "loopback")]
    [TestCase("http://jira.example.com", "plain http")]
    [TestCase("file:///etc/passwd", "absolute URL with a host")]
    public async Task Create_WithAnInternalOrPlainUrl_Is400NamingTheField(string baseUrl, string reason)
    {
        var response = await _admin.PostAsJsonAsync("/api/connections", new
        {
            name = "ssrf-" + Guid.NewGuid().ToString("N")[..8],
            kind = "jira",
            baseUrl,
            settings = new { email = "x@y", projects = new[] { "PAY" } },
            secrets = new { token = "t" },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await ApiJson.ReadAsync(response);
        Assert.That(problem["errors"]!["baseUrl"]![0]!.GetValue<string>(), Does.Contain(reason));
    }

    [Test]
    public async Task Sync_OfAConnectionThatNowResolvesInside_FailsSayingWhy()
    {
        // Created while loopback was allowed (think: the name resolved elsewhere then), synced under the strict default.
        await using var fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = 3 }));
        using var lenientData = new TempDirectory();
        Guid connection;
        await using (var lenient = new BacklogApiFactory(lenientData.Path))
        {
            using var client = lenient.CreateClient();
            connection = await JiraSyncHarness.CreateConnectionAsync(client, fake);
        }

        var settings = new Dictionary<string, string?>(SecuritySettings.StrictOutbound) { ["Security:Outbound:AllowHttp"] = "true" };
        await using var strict = new BacklogApiFactory(lenientData.Path, settings);
        using var admin = strict.CreateClient();
        var failure = await JiraSyncHarness.SyncAsync(strict, admin, connection);
        var run = (await ApiJson.ReadAsync(await admin.GetAsync($"/api/connections/{connection}")))["lastRun"]!;

        Assert.That(failure, Is.Not.Null);
        Assert.That(run["error"]!.GetValue<string>(), Does.Contain("loopback").And.Contain("AllowedNetworks"));
        Assert.That(fake.Counts().Values.Sum(), Is.Zero, "no request reached the fake");
    }
}
