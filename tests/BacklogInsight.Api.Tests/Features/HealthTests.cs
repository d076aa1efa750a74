using System.Net;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Features;

[TestFixture]
public sealed class HealthTests
{
    [TestCase("/health")]
    [TestCase("/health/ready")]
    [TestCase("/health/live")]
    public async Task Get_HealthyService_AnswersHealthy(string url)
    {
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ApiJson.ReadAsync(response))["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task GetOpenApi_Always_DescribesEveryEndpointGroup()
    {
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path);
        using var client = factory.CreateClient();

        var document = await ApiJson.ReadAsync(await client.GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/connections", "/api/connections/{id}", "/api/connections/{id}/sync", "/api/connections/{id}/sync-runs",
            "/api/teams", "/api/teams/{id}", "/api/people", "/api/work-items", "/api/activities",
        }));
    }
}
