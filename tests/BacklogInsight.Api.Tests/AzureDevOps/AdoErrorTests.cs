using System.Net.Http.Json;
using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.AzureDevOps;

/// <summary>
/// What a user reads when Azure DevOps will not serve the connection — a bad token (203 sign-in page), an expired one
/// (401), an unknown project or collection (404), an HTML page instead of the API, a server older than the api-version —
/// in the sync run and in the connection test; and that a failed sync loses nothing already stored.
/// </summary>
[TestFixture]
public sealed class AdoErrorTests
{
    private FakeAdoServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private Guid _connection;
    private long _items;

    [OneTimeSetUp]
    public async Task SyncOnce()
    {
        _fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(new FakeAdoOptions { Items = 40 }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, AdoSyncHarness.HostSettings());
        _client = _factory.CreateClient();
        _connection = await AdoSyncHarness.CreateConnectionAsync(_client, _fake);
        Assert.That(await AdoSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);
        _items = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM WorkItems");
        Assert.That(_items, Is.EqualTo(40));
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _data.Dispose();
    }

    [TearDown]
    public void Restore() => _fake.Answer = FakeAdoAnswer.Normal;

    [TestCase(FakeAdoAnswer.SignInPage, "sign-in page")]
    [TestCase(FakeAdoAnswer.Unauthorized, "did not accept the personal access token (401 Unauthorized)")]
    [TestCase(FakeAdoAnswer.Html, "HTML page")]
    public async Task Sync_TrackerRefusesTheToken_FailsInPlainWordsAndKeepsWhatWasStored(FakeAdoAnswer answer, string expected)
    {
        var stored = await DatabaseSnapshot.FingerprintAsync(_data.Path);
        _fake.Answer = answer;

        var failure = await AdoSyncHarness.SyncAsync(_factory, _client, _connection);

        Assert.That(failure, Is.Not.Null);
        Assert.That(await LastRunErrorAsync(_connection), Does.Contain(expected));
        Assert.That(await DatabaseSnapshot.FingerprintAsync(_data.Path), Is.EqualTo(stored), "nothing stored is lost");
        Assert.That(await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM WorkItems"), Is.EqualTo(_items));
    }

    [TestCase(FakeAdoAnswer.SignInPage, "sign-in page")]
    [TestCase(FakeAdoAnswer.Unauthorized, "401")]
    [TestCase(FakeAdoAnswer.Html, "HTML page")]
    public async Task ConnectionTest_TrackerRefusesTheToken_SaysSoInPlainWords(FakeAdoAnswer answer, string expected)
    {
        _fake.Answer = answer;

        var result = await TestConnectionAsync(_connection);

        Assert.That(result.Succeeded, Is.False);
        Assert.That(string.Join(" ", result.Messages), Does.Contain(expected));
    }

    [Test]
    public async Task Sync_WrongToken_GetsTheSignInPageAndSaysTheTokenIsWrong()
    {
        var connection = await AdoSyncHarness.CreateConnectionAsync(_client, _fake, name: "wrong-token", token: "not-the-pat");

        var failure = await AdoSyncHarness.SyncAsync(_factory, _client, connection);

        Assert.That(failure, Is.Not.Null);
        Assert.That(await LastRunErrorAsync(connection), Does.Contain("personal access token is wrong, expired or revoked"));
    }

    [Test]
    public async Task Sync_UnknownProject_NamesItInPlainWords()
    {
        var connection = await AdoSyncHarness.CreateConnectionAsync(_client, _fake, name: "unknown-project", projects: ["Nebula"]);

        var failure = await AdoSyncHarness.SyncAsync(_factory, _client, connection);
        var test = await TestConnectionAsync(connection);

        Assert.That(failure, Is.Not.Null);
        Assert.That(await LastRunErrorAsync(connection), Does.Contain("no project named 'Nebula'"));
        Assert.That(test.Succeeded, Is.False);
        Assert.That(string.Join(" ", test.Messages), Does.Contain("'Nebula'"));
    }

    [Test]
    public async Task Sync_UnknownCollection_Answers404InPlainWords()
    {
        await using var elsewhere = await FakeAdoServer.StartAsync(_fake.Organisation, "/tfs/OtherCollection");
        var created = await _client.PostAsJsonAsync("/api/connections", new
        {
            name = "wrong-collection",
            kind = "azure-devops",
            baseUrl = new Uri(elsewhere.BaseUrl, "/tfs/NoSuchCollection/").AbsoluteUri,
            settings = new { deployment = "server" },
            secrets = new { token = "fake-pat" },
        });
        var connection = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();

        var failure = await AdoSyncHarness.SyncAsync(_factory, _client, connection);

        Assert.That(failure, Is.Not.Null);
        Assert.That(await LastRunErrorAsync(connection), Does.Contain("404 Not Found").And.Contain("base URL"));
    }

    [Test]
    public async Task Sync_ApiVersionNewerThanTheServer_SaysTheServerRefusedIt()
    {
        await using var server = await FakeAdoServer.StartAsync(
            new FakeAdoOrganisation(new FakeAdoOptions { Items = 10, ServerVersion = "6.0" }), "/tfs/DefaultCollection");
        var connection = await AdoSyncHarness.CreateConnectionAsync(_client, server, name: "too-new", deployment: "server", apiVersion: "7.1");

        var failure = await AdoSyncHarness.SyncAsync(_factory, _client, connection);

        Assert.That(failure, Is.Not.Null);
        Assert.That(await LastRunErrorAsync(connection), Does.Contain("VS800003").And.Contain("out of range"));
    }

    private async Task<string> LastRunErrorAsync(Guid connection)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BacklogDbContext>();
        var runs = await db.SyncRuns.AsNoTracking().Where(r => r.ConnectionId == connection).ToListAsync();
        return runs.OrderBy(r => r.QueuedAt).Last().Error ?? string.Empty;
    }

    private async Task<AzureDevOpsConnectionTestResult> TestConnectionAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<BacklogDbContext>().Connections.AsNoTracking().SingleAsync(c => c.Id == id);
        return await scope.ServiceProvider.GetRequiredService<AzureDevOpsConnectionTester>().TestAsync(connection, CancellationToken.None);
    }
}
