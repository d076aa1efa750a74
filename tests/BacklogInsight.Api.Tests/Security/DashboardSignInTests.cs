using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>The dashboard's sign-in cookie: its flags, what it allows, cross-site request forgery, revocation.</summary>
[TestFixture]
public sealed class DashboardSignInTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task SignIn_SetsAnHttpOnlyStrictCookieThatOpensTheApi()
    {
        using var browser = _factory.CreateAnonymousClient();

        var signedIn = await SignInAsync(browser, await _factory.CreateKeyAsync("browser", "read"));
        var teams = await browser.GetAsync("/api/teams");

        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
        Assert.That(teams.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SignIn_WithAWrongKey_Is401AndSetsNoCookie()
    {
        using var browser = _factory.CreateAnonymousClient();

        var response = await SignInAsync(browser, "bik_wrong");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        Assert.That((await browser.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task CookieChange_WithoutTheRequestedWithHeader_IsRefused()
    {
        using var browser = _factory.CreateAnonymousClient();
        await SignInAsync(browser, await _factory.CreateKeyAsync("admin-browser", "admin"));

        var forged = await browser.PostAsJsonAsync("/api/keys", new { name = "forged", scope = "admin" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name = "made-by-the-dashboard", scope = "read" }) };
        request.Headers.Add("X-Requested-With", "BacklogInsight");
        var fromDashboard = await browser.SendAsync(request);

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("X-Requested-With"));
        Assert.That(fromDashboard.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task SignIn_WithoutTheRequestedWithHeader_IsRefused()
    {
        using var browser = _factory.CreateAnonymousClient();

        var response = await browser.PostAsJsonAsync("/auth/sign-in", new { key = await _factory.CreateKeyAsync("plain-form", "read") });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task RevokingTheKey_EndsItsDashboardSession()
    {
        using var admin = _factory.CreateClient();
        var created = await ApiJson.ReadAsync(await admin.PostAsJsonAsync("/api/keys", new { name = "session", scope = "read" }));
        using var browser = _factory.CreateAnonymousClient();
        await SignInAsync(browser, created["key"]!.GetValue<string>());
        Assert.That((await browser.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await admin.DeleteAsync($"/api/keys/{created["id"]}");

        Assert.That((await browser.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SignOut_EndsTheSession()
    {
        using var browser = _factory.CreateAnonymousClient();
        await SignInAsync(browser, await _factory.CreateKeyAsync("leaving", "read"));

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out");
        signOut.Headers.Add("X-Requested-With", "BacklogInsight");
        await browser.SendAsync(signOut);

        Assert.That((await browser.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-in") { Content = JsonContent.Create(new { key }) };
        request.Headers.Add("X-Requested-With", "BacklogInsight");
        return await browser.SendAsync(request);
    }
}
