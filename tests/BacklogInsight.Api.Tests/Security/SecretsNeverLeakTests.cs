using System.Net;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira;
using BacklogInsight.Api.Tests.Jira.Fake;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// A full run with real secrets in it: a Jira connection with a token against the fake Jira site, a sync, a failing
/// connection, keys created and used, then every list and detail read. No log line (at every level) and no response
/// holds a token or a key.
/// </summary>
[TestFixture]
public sealed class SecretsNeverLeakTests
{
    [Test]
    public async Task FullRun_NoLogLineAndNoResponseHoldsASecret()
    {
        var token = "jira-token-" + Guid.NewGuid().ToString("N");
        var email = "sync-bot@acme.example";
        var secrets = new List<string> { token, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")), BacklogApiFactory.AdminKey };
        var log = new CapturedLog();
        await using var fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = 40 }));
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            ["Serilog:MinimumLevel:Override:System.Net.Http.HttpClient"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.Extensions.Http"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Polly"] = "Verbose",
        })
        {
            ExtraServices = services => services.AddSingleton<ILogEventSink>(log),
        };
        using var admin = factory.CreateClient();
        var responses = new List<string>();

        var created = await admin.PostAsJsonAsync("/api/connections", new
        {
            name = "leaky",
            kind = "jira",
            baseUrl = fake.BaseUrl.AbsoluteUri,
            settings = new { deployment = "cloud", email, projects = new[] { FakeJiraSite.ProjectKey } },
            secrets = new { token },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        responses.Add(await created.Content.ReadAsStringAsync());
        var connection = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
        Assert.That(await JiraSyncHarness.SyncAsync(factory, admin, connection), Is.Null);

        // A connection that fails: its error is stored and logged, with the token in hand.
        var broken = await ApiJson.ReadAsync(await admin.PostAsJsonAsync("/api/connections", new
        {
            name = "broken",
            kind = "jira",
            baseUrl = "http://127.0.0.1:9/jira",
            settings = new { deployment = "cloud", email, projects = new[] { "PAY" } },
            secrets = new { token },
        }));
        Assert.That(await JiraSyncHarness.SyncAsync(factory, admin, broken["id"]!.GetValue<Guid>()), Is.Not.Null);

        var readKey = await ApiJson.ReadAsync(await admin.PostAsJsonAsync("/api/keys", new { name = "reader", scope = "read" }));
        secrets.Add(readKey["key"]!.GetValue<string>());
        using var reader = factory.CreateClientWithKey(readKey["key"]!.GetValue<string>());
        foreach (var endpoint in EndpointCatalogue.Read(factory.Services).Where(e => HttpMethods.IsGet(e.Method)))
        {
            var url = string.Join('/', endpoint.Url.Split('/').Select(segment => Guid.TryParse(segment, out _) ? connection.ToString() : segment));
            responses.Add(await (await admin.GetAsync(url)).Content.ReadAsStringAsync());
            responses.Add(await (await reader.GetAsync(url)).Content.ReadAsStringAsync());
        }

        foreach (var list in new[] { "/api/connections", $"/api/connections/{connection}/sync-runs", "/api/activities?limit=1000", "/api/people", "/api/work-items", "/api/keys" })
        {
            responses.Add(await (await admin.GetAsync(list)).Content.ReadAsStringAsync());
        }

        Assert.That(log.Lines, Has.Count.GreaterThan(100), "the run was logged");
        Assert.That(log.Lines.Any(l => l.Contains("127.0.0.1:9", StringComparison.Ordinal)), Is.True, "the failure was logged");
        Assert.That(responses.Sum(r => r.Length), Is.GreaterThan(10_000), "the responses hold the synced data");
        foreach (var secret in secrets)
        {
            Assert.That(log.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"a log line holds {secret[..8]}…");
            Assert.That(responses.Where(r => r.Contains(secret, StringComparison.Ordinal)), Is.Empty, $"a response holds {secret[..8]}…");
        }
    }
}
