using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>API keys through the admin API: created and shown once, listed without the key, revoked at once.</summary>
[TestFixture]
public sealed class ApiKeyTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _admin = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task Create_ReturnsTheKeyOnceAndListsOnlyItsPrefix()
    {
        var created = await _admin.PostAsJsonAsync("/api/keys", new { name = "reporting", scope = "read" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var body = await ApiJson.ReadAsync(created);
        var key = body["key"]!.GetValue<string>();

        var list = await _admin.GetStringAsync("/api/keys");

        Assert.That(key, Does.StartWith("bik_").And.Length.GreaterThan(40));
        Assert.That(list, Does.Contain("reporting").And.Contain(body["prefix"]!.GetValue<string>()));
        Assert.That(list, Does.Not.Contain(key));
        Assert.That(key, Does.StartWith(body["prefix"]!.GetValue<string>()));
    }

    [Test]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        var created = await ApiJson.ReadAsync(await _admin.PostAsJsonAsync("/api/keys", new { name = "short-lived", scope = "read" }));
        using var holder = _factory.CreateClientWithKey(created["key"]!.GetValue<string>());
        Assert.That((await holder.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var revoked = await _admin.DeleteAsync($"/api/keys/{created["id"]}");
        var after = await holder.GetAsync("/api/teams");

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var listed = (await ApiJson.ReadAsync(await _admin.GetAsync("/api/keys"))).AsArray().Single(k => k!["name"]!.GetValue<string>() == "short-lived");
        Assert.That(listed!["revokedAt"], Is.Not.Null);
        Assert.That(listed["lastUsedAt"], Is.Not.Null);
    }

    [Test]
    public async Task XApiKeyHeader_IsAcceptedLikeTheBearerHeader()
    {
        var created = await ApiJson.ReadAsync(await _admin.PostAsJsonAsync("/api/keys", new { name = "header", scope = "read" }));
        using var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created["key"]!.GetValue<string>());

        Assert.That((await client.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("", "read", "name")]
    [TestCase("ok", "write", "scope")]
    [TestCase("<script>", "admin", "name")]
    public async Task Create_Invalid_SaysWhichField(string name, string scope, string field)
    {
        var response = await _admin.PostAsJsonAsync("/api/keys", new { name, scope });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ApiJson.ReadAsync(response))["errors"]![field], Is.Not.Null);
    }

    [Test]
    public async Task Revoke_UnknownKey_Is404()
    {
        Assert.That((await _admin.DeleteAsync($"/api/keys/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AdminKey_CanCreateKeysButAReadKeyCannot()
    {
        using var reader = _factory.CreateClientWithScope("read");

        var refused = await reader.PostAsJsonAsync("/api/keys", new { name = "escalate", scope = "admin" });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
