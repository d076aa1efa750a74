using System.Net;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>Rate limits per key and request body limits, each answered with a problem.</summary>
[TestFixture]
public sealed class RequestLimitTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Security:RateLimitPermits"] = "5",
            ["Security:RateLimitWindow"] = "00:10:00",
            ["Security:MaxRequestBodyBytes"] = "4096",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task OneKeyOverItsRate_Gets429WithRetryAfter_WhileAnotherKeyGoesOn()
    {
        using var busy = _factory.CreateClientWithScope("read");
        using var other = _factory.CreateClientWithScope("read");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await busy.GetAsync("/api/teams")).StatusCode);
        }

        var limited = await busy.GetAsync("/api/teams");
        var health = await busy.GetAsync("/health");

        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(limited.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await other.GetAsync("/api/teams")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "keys are limited apart");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health checks are never limited");
    }

    [Test]
    public async Task OversizedBody_Is413WithAProblem()
    {
        using var admin = _factory.CreateClientWithScope("admin");
        var padding = new string('x', 8000);
        var body = new StringContent("{\"name\":\"big\",\"kind\":\"sample\",\"settings\":{\"padding\":\"" + padding + "\"}}", Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/connections", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("MaxRequestBodyBytes"));
    }

    [TestCase("{\"name\": ", "application/json")]
    [TestCase("[1,2,3]", "application/json")]
    [TestCase("{\"name\": \"a\", \"kind\": 5}", "application/json")]
    [TestCase("name=a", "application/x-www-form-urlencoded")]
    public async Task MalformedBody_Is4xxWithAProblem(string body, string contentType)
    {
        using var admin = _factory.CreateClientWithScope("admin");

        var response = await admin.PostAsync("/api/connections", new StringContent(body, Encoding.UTF8, contentType));

        Assert.That((int)response.StatusCode, Is.InRange(400, 499));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ValidBody_UnderTheLimit_IsAccepted()
    {
        using var admin = _factory.CreateClientWithScope("admin");

        var response = await admin.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("small"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
