using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>
/// <c>POST /api/connections/{id}/test</c> and <c>POST /api/connections/test</c> (a definition not saved yet) against the
/// fake Jira site over real HTTP: plain words, and nothing of an unsaved definition is stored.
/// </summary>
[TestFixture]
public sealed class ConnectionTestApiTests
{
    private FakeJiraServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = 5 }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _data.Dispose();
    }

    [SetUp]
    public void Reset() => _fake.MissingPermissions.Clear();

    [Test]
    public async Task TestSaved_WorkingCloudSite_SaysWhoWhatAndTheZone()
    {
        var id = await JiraPushHarness.CreateConnectionAsync(_client, _fake, "tested");

        var response = await _client.PostAsync($"/api/connections/{id}/test", null);

        var body = await ApiJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["succeeded"]!.GetValue<bool>(), Is.True, body.ToJsonString());
            Assert.That(body["kind"]!.GetValue<string>(), Is.EqualTo("jira"));
            Assert.That(body["account"]!.GetValue<string>(), Does.StartWith("API user"));
            Assert.That(body["timeZone"]!.GetValue<string>(), Is.EqualTo("Europe/Berlin"));
            Assert.That(body["projects"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "PAY" }));
            Assert.That(body["boards"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(body["messages"]!.AsArray().Select(m => m!.GetValue<string>()), Has.Some.Contains("The token belongs to API user"));
        });
    }

    [Test]
    public async Task TestUnsaved_MissingBrowsePermission_FailsNamingItAndStoresNothing()
    {
        _fake.MissingPermissions.Add("BROWSE_PROJECTS");
        var connectionsBefore = await CountAsync("SELECT COUNT(*) FROM Connections");
        var secretsBefore = await CountAsync("SELECT COUNT(*) FROM ConnectionSecrets");

        var response = await _client.PostAsJsonAsync("/api/connections/test", Definition());

        var body = await ApiJson.ReadAsync(response);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["succeeded"]!.GetValue<bool>(), Is.False);
            Assert.That(body["missingPermissions"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "BROWSE_PROJECTS" }));
            Assert.That(await CountAsync("SELECT COUNT(*) FROM Connections"), Is.EqualTo(connectionsBefore));
            Assert.That(await CountAsync("SELECT COUNT(*) FROM ConnectionSecrets"), Is.EqualTo(secretsBefore));
        });
    }

    [Test]
    public async Task TestUnsaved_UnknownProject_SaysTheFilterIsNotAValidSearch()
    {
        var response = await _client.PostAsJsonAsync("/api/connections/test", Definition(projects: ["PAYX"]));

        var messages = (await ApiJson.ReadAsync(response))["messages"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.That(messages, Has.Some.Contains("not a valid Jira search").And.Contains("The value 'PAYX' does not exist"));
    }

    [Test]
    public async Task TestUnsaved_RefusedCredentials_SaysSo()
    {
        // The fake accepts Basic only; a bearer token is what a Data Center PAT sent to Cloud looks like.
        var response = await _client.PostAsJsonAsync("/api/connections/test", Definition(auth: "bearer"));

        var body = await ApiJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(body["succeeded"]!.GetValue<bool>(), Is.False);
            Assert.That(body["messages"]![0]!.GetValue<string>(), Does.Contain("did not accept the credentials"));
        });
    }

    [Test]
    public async Task TestUnsaved_WrongBaseUrl_SaysTheBaseUrlMayBeWrong()
    {
        var response = await _client.PostAsJsonAsync("/api/connections/test", Definition(baseUrl: _fake.BaseUrl.AbsoluteUri + "wrong/"));

        Assert.That((await ApiJson.ReadAsync(response))["messages"]![0]!.GetValue<string>(), Does.Contain("base URL may be wrong"));
    }

    [Test]
    public async Task TestUnsaved_NoKind_Is400NamingTheField()
    {
        var response = await _client.PostAsJsonAsync("/api/connections/test", new { baseUrl = "https://x.example" });

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await ApiJson.ReadAsync(response))["errors"]!["kind"], Is.Not.Null);
        });
    }

    [Test]
    public async Task TestSaved_UnknownConnection_Is404()
    {
        var response = await _client.PostAsync($"/api/connections/{Guid.NewGuid()}/test", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task CreateDataCenterConnection_WithPatAsBearer_KeepsTheTokenWriteOnly()
    {
        var response = await _client.PostAsJsonAsync("/api/connections", new
        {
            name = "dc-jira",
            kind = "jira",
            baseUrl = "https://jira.acme.example/jira",
            settings = new { deployment = "datacenter", auth = "bearer", projects = new[] { "PAY" } },
            secrets = new { token = "dc-personal-access-token" },
        });

        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
            Assert.That(text, Does.Not.Contain("dc-personal-access-token"));
            Assert.That(text, Does.Contain("\"secretNames\":[\"token\"]"));
        });
    }

    private object Definition(string[]? projects = null, string? auth = null, string? baseUrl = null) => new
    {
        kind = "jira",
        baseUrl = baseUrl ?? _fake.BaseUrl.AbsoluteUri,
        settings = new { deployment = "cloud", email = "x@y", auth, projects = projects ?? [FakeJiraSite.ProjectKey] },
        secrets = new { token = "unsaved-token" },
    };

    private Task<long> CountAsync(string sql) => JiraPushHarness.ScalarAsync(_data.Path, sql);
}
