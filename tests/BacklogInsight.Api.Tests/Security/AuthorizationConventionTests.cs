using System.Net;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// The convention, checked over every endpoint the service maps: no credentials → 401, a read key → GETs only,
/// anonymous only where it must be.
/// </summary>
[TestFixture]
public sealed class AuthorizationConventionTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private IReadOnlyList<EndpointCatalogue> _endpoints = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _endpoints = EndpointCatalogue.Read(_factory.Services);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public void Catalogue_HoldsTheWholeApi()
    {
        Assert.That(_endpoints.Count(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal)), Is.GreaterThan(25), string.Join("\n", _endpoints));
        Assert.That(_endpoints.Select(e => e.ToString()), Does.Contain("POST /api/connections/").Or.Contain("POST /api/connections"));
    }

    [Test]
    public void AnonymousEndpoints_AreOnlyHealthSignInAndSignedWebhooks()
    {
        var anonymous = _endpoints.Where(e => e.AllowsAnonymous).Select(e => e.Pattern).ToList();

        Assert.That(anonymous, Is.Not.Empty);
        Assert.That(
            anonymous,
            Has.All.Matches<string>(p => p.StartsWith("/health", StringComparison.Ordinal)
                || p is "/auth/sign-in" or "/auth/sign-out"
                || p.Contains("/webhooks", StringComparison.Ordinal)),
            "only health checks, sign-in and webhooks (which verify their own signatures) may skip authentication");
    }

    [Test]
    public async Task EveryEndpoint_WithoutCredentials_Is401WithAProblem()
    {
        using var client = _factory.CreateAnonymousClient();
        var failures = new List<string>();
        foreach (var endpoint in _endpoints.Where(e => !e.AllowsAnonymous))
        {
            using var response = await client.SendAsync(Request(endpoint));
            if (response.StatusCode != HttpStatusCode.Unauthorized
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task EveryEndpoint_WithARevokedOrUnknownKey_Is401()
    {
        using var unknown = _factory.CreateClientWithKey("bik_" + new string('A', 43));
        var failures = new List<string>();
        foreach (var endpoint in _endpoints.Where(e => !e.AllowsAnonymous))
        {
            using var response = await unknown.SendAsync(Request(endpoint));
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task EveryChangingEndpoint_WithAReadKey_Is403()
    {
        using var reader = _factory.CreateClientWithScope("read");
        var failures = new List<string>();
        foreach (var endpoint in _endpoints.Where(e => !e.AllowsAnonymous && !HttpMethods.IsGet(e.Method)))
        {
            using var response = await reader.SendAsync(Request(endpoint));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(_endpoints.Count(e => !e.AllowsAnonymous && !HttpMethods.IsGet(e.Method)), Is.GreaterThan(5));
    }

    [Test]
    public async Task EveryReadingEndpoint_WithAReadKey_IsAllowedExceptTheKeys()
    {
        using var reader = _factory.CreateClientWithScope("read");
        var failures = new List<string>();
        foreach (var endpoint in _endpoints.Where(e => !e.AllowsAnonymous && HttpMethods.IsGet(e.Method)))
        {
            using var response = await reader.SendAsync(Request(endpoint));
            var expected = endpoint.Pattern.StartsWith("/api/keys", StringComparison.Ordinal);
            if ((response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) != expected)
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [TestCase(null, HttpStatusCode.Unauthorized)]
    [TestCase("read", HttpStatusCode.Forbidden)]
    [TestCase("admin", HttpStatusCode.OK)]
    public async Task JobsDashboard_IsForAdminsOnly(string? scope, HttpStatusCode expected)
    {
        using var client = scope is null ? _factory.CreateAnonymousClient() : _factory.CreateClientWithScope(scope);

        using var response = await client.GetAsync("/hangfire");

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Health_NeedsNoCredentials()
    {
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>A request for the endpoint; bodies are empty JSON objects, since authorisation comes before reading them.</summary>
    private static HttpRequestMessage Request(EndpointCatalogue endpoint) => new(new HttpMethod(endpoint.Method), endpoint.Url)
    {
        Content = HttpMethods.IsGet(endpoint.Method) || HttpMethods.IsDelete(endpoint.Method)
            ? null
            : new StringContent("{}", Encoding.UTF8, "application/json"),
    };
}
