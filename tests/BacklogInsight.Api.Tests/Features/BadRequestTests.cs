using System.Net;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Features;

/// <summary>Every bad request gets a 4xx problem that says what is wrong; never a 500.</summary>
[TestFixture]
public sealed class BadRequestTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopService()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [TestCase("/api/teams/999999", HttpStatusCode.NotFound)]
    [TestCase("/api/teams/not-a-number", HttpStatusCode.NotFound)]
    [TestCase("/api/connections/7b0b7f5e-64ce-4a39-9a8e-2f3cf2b7f5a1", HttpStatusCode.NotFound)]
    [TestCase("/api/connections/7b0b7f5e-64ce-4a39-9a8e-2f3cf2b7f5a1/sync-runs", HttpStatusCode.NotFound)]
    [TestCase("/api/activities?team=999999", HttpStatusCode.NotFound)]
    [TestCase("/api/work-items?team=999999", HttpStatusCode.NotFound)]
    [TestCase("/api/people?team=999999", HttpStatusCode.NotFound)]
    [TestCase("/api/activities?team=payments", HttpStatusCode.BadRequest)]
    [TestCase("/api/activities?kind=sneezed", HttpStatusCode.BadRequest)]
    [TestCase("/api/activities?from=yesterday", HttpStatusCode.BadRequest)]
    [TestCase("/api/activities?from=2026-11-10&to=2026-11-01", HttpStatusCode.BadRequest)]
    [TestCase("/api/activities?cursor=not-a-cursor", HttpStatusCode.BadRequest)]
    [TestCase("/api/activities?cursor=azE6LTE", HttpStatusCode.BadRequest)]
    [TestCase("/api/teams?cursor=%00%01", HttpStatusCode.BadRequest)]
    [TestCase("/api/work-items?limit=0", HttpStatusCode.BadRequest)]
    [TestCase("/api/people?limit=100000", HttpStatusCode.BadRequest)]
    [TestCase("/api/connections?limit=ten", HttpStatusCode.BadRequest)]
    public async Task Get_BadRequest_AnswersProblemDetails(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);

        await AssertProblemAsync(response, expected);
    }

    [Test]
    public async Task PostSync_UnknownConnection_IsNotFound()
    {
        var response = await _client.PostAsync("/api/connections/7b0b7f5e-64ce-4a39-9a8e-2f3cf2b7f5a1/sync", null);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestCase("{\"name\": \"acme\", \"kind\": ")]
    [TestCase("not json at all")]
    [TestCase("[1, 2, 3]")]
    [TestCase("{\"name\": 12, \"kind\": \"sample\"}")]
    public async Task PostConnection_MalformedJson_IsBadRequest(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/connections", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestCase("{}", "name")]
    [TestCase("{\"name\": \"acme\", \"kind\": \"trello\"}", "kind")]
    [TestCase("{\"name\": \"has spaces\", \"kind\": \"sample\"}", "name")]
    [TestCase("{\"name\": \"acme\", \"kind\": \"sample\", \"syncCron\": \"every minute\"}", "syncCron")]
    [TestCase("{\"name\": \"acme\", \"kind\": \"sample\", \"settings\": [1]}", "settings")]
    [TestCase("{\"name\": \"acme\", \"kind\": \"sample\", \"baseUrl\": \"not a url\"}", "baseUrl")]
    public async Task PostConnection_InvalidField_NamesTheField(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/connections", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await ApiJson.ReadAsync(response);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task PostConnection_NameTaken_IsConflict()
    {
        await _client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("taken"));

        var response = await _client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("taken"));

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task PostSync_WhileARunIsQueued_IsConflict()
    {
        var created = await ApiJson.ReadAsync(await _client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("busy")));
        var id = created["id"]!.GetValue<Guid>();
        var first = await _client.PostAsync($"/api/connections/{id}/sync", null);

        var second = await _client.PostAsync($"/api/connections/{id}/sync", null);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await AssertProblemAsync(second, HttpStatusCode.Conflict);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        Assert.That((await ApiJson.ReadAsync(response))["title"]!.GetValue<string>(), Is.Not.Empty);
    }
}
