using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Features;

/// <summary>Connection secrets are write-only through the API and encrypted at rest.</summary>
[TestFixture]
public sealed class ConnectionSecretsTests
{
    private const string Token = "ATATT3xFfGF0-very-secret-token-4711";

    [Test]
    public async Task PostConnection_WithAToken_NeverShowsItAndStoresItEncrypted()
    {
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path);
        using var client = factory.CreateClient();

        var created = await client.PostAsJsonAsync("/api/connections", new { name = "acme", kind = "sample", secrets = new { token = Token } });
        var body = await created.Content.ReadAsStringAsync();
        var id = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
        var fetched = await client.GetStringAsync($"/api/connections/{id}");
        var listed = await client.GetStringAsync("/api/connections");

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(body + fetched + listed, Does.Not.Contain(Token));
        Assert.That(fetched, Does.Contain("\"secretNames\":[\"token\"]"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<IConnectionSecrets>().GetAsync(id, "token", CancellationToken.None), Is.EqualTo(Token));
        }

        Assert.That(await DatabaseSnapshot.EverythingStoredAsync(data.Path), Does.Not.Contain(Token));
    }

    [Test]
    public async Task PostConnection_BadSecretName_IsRejected()
    {
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path);
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/connections", new { name = "acme", kind = "sample", secrets = new Dictionary<string, string> { ["API Token!"] = "x" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ApiJson.ReadAsync(response))["errors"]!.AsObject().Select(e => e.Key), Does.Contain("secrets"));
    }
}
