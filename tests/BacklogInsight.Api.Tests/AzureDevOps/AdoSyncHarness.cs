using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.AzureDevOps;

/// <summary>Creates and syncs an Azure DevOps connection against a <see cref="FakeAdoServer"/>.</summary>
internal static class AdoSyncHarness
{
    public static async Task<Guid> CreateConnectionAsync(
        HttpClient client, FakeAdoServer fake, string name = "contoso-ado", string[]? projects = null, string deployment = "services",
        string? apiVersion = null, string token = "fake-pat", object? teamMap = null)
    {
        var settings = new Dictionary<string, object?> { ["deployment"] = deployment, ["projects"] = projects ?? [] };
        if (apiVersion is not null)
        {
            settings["apiVersion"] = apiVersion;
        }

        if (teamMap is not null)
        {
            settings["teamMap"] = teamMap;
        }

        var created = await client.PostAsJsonAsync("/api/connections", new
        {
            name,
            kind = "azure-devops",
            baseUrl = fake.BaseUrl.AbsoluteUri,
            settings,
            secrets = new { token },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
    }

    /// <summary>Queues and runs one sync; returns the failure, if the run failed.</summary>
    public static Task<Exception?> SyncAsync(BacklogApiFactory factory, HttpClient client, Guid connectionId) =>
        Jira.JiraSyncHarness.SyncAsync(factory, client, connectionId);

    public static string Fingerprint(IEnumerable<string> keys) => Jira.JiraSyncHarness.Fingerprint(keys);

    public static Task<List<string>> StoredAsync(string dataDirectory, string sql) => Jira.JiraSyncHarness.StoredAsync(dataDirectory, sql);

    /// <summary>Settings for a fast test host: no waiting on rate-limit pauses longer than a second.</summary>
    public static Dictionary<string, string?> HostSettings(int batchSize = 200) => new()
    {
        ["Organisation:TimeZone"] = "Europe/Berlin",
        ["Sources:AzureDevOps:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sources:AzureDevOps:RetryBaseDelay"] = "00:00:00.050",
        ["Sources:AzureDevOps:LowRemainingPause"] = "00:00:00.100",
        ["Sources:AzureDevOps:HourlyRequestBudget"] = "1000000",
    };
}
