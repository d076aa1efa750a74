using System.Net;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Api.Features.Webhooks;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;
using BacklogInsight.Domain.Model;
using BacklogInsight.Workers.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>Webhook deliveries as Jira sends them, the jobs they queue, and the balance-count invariant.</summary>
internal static class JiraPushHarness
{
    public const string Secret = "whsec-7f3a9c1e-webhook";

    public static async Task<Guid> CreateConnectionAsync(HttpClient client, FakeJiraServer fake, string name, bool withWebhookSecret = true)
    {
        var secrets = new Dictionary<string, string> { ["token"] = "fake-token" };
        if (withWebhookSecret)
        {
            secrets[JiraWebhooksApi.SecretName] = Secret;
        }

        var created = await client.PostAsJsonAsync("/api/connections", new
        {
            name,
            kind = "jira",
            baseUrl = fake.BaseUrl.AbsoluteUri,
            settings = new { deployment = "cloud", email = "x@y", projects = new[] { FakeJiraSite.ProjectKey } },
            secrets,
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
    }

    /// <summary>The body of an issue event as Jira Cloud documents it (timestamp in epoch milliseconds).</summary>
    public static string Event(string name, FakeIssue issue, DateTimeOffset at) => $$$"""
        {"timestamp":{{{at.ToUnixTimeMilliseconds()}}},"webhookEvent":"{{{name}}}","issue_event_type_name":"issue_generic",
         "user":{"accountId":"acc-dev-01","displayName":"Person acc-dev-01","active":true},
         "issue":{"id":"{{{issue.Id}}}","key":"{{{issue.Key}}}","self":"https://acme.atlassian.net/rest/api/2/issue/{{{issue.Id}}}",
                  "fields":{"summary":"whatever the webhook says is not trusted"}},
         "changelog":{"id":"58112","items":[{"field":"status","fieldtype":"jira","fieldId":"status","from":"3","fromString":"In Progress","to":"10002","toString":"In Review"}]}}
        """;

    /// <summary>Posts a delivery signed as Jira Cloud signs it (or with <paramref name="signature"/> as given, or none).</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string connection, string body, string? signature = "sign", string query = "", string? deliveryId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/jira/{connection}{query}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignature.Header, signature == "sign" ? WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)) : signature);
        }

        if (deliveryId is not null)
        {
            request.Headers.Add("X-Atlassian-Webhook-Identifier", deliveryId);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The refresh jobs queued for a connection: (item id, deleted).</summary>
    public static List<(string SourceId, bool Deleted)> QueuedRefreshes(BacklogApiFactory factory, Guid connectionId)
    {
        var storage = factory.Services.GetRequiredService<JobStorage>();
        return [.. storage.GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Select(j => j.Value.Job)
            .Where(j => j?.Type == typeof(RefreshWorkItemJob) && (Guid)j.Args[0] == connectionId)
            .Select(j => ((string)j!.Args[1], (bool)j.Args[2]))];
    }

    public static async Task RefreshAsync(BacklogApiFactory factory, Guid connectionId, string sourceId, bool deleted = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RefreshWorkItemJob>().RunAsync(connectionId, sourceId, deleted, CancellationToken.None);
    }

    public static async Task<SyncRun?> SweepAsync(BacklogApiFactory factory, Guid connectionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SweepDeletedItemsJob>().RunAsync(connectionId, CancellationToken.None);
    }

    public static async Task<long> ScalarAsync(string dataDirectory, string sql) =>
        long.Parse((await JiraSyncHarness.StoredAsync(dataDirectory, sql)).Single(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The stored balance counts equal a recount of the classified, placed activities of items that are not deleted:
    /// deleted items count nowhere, restored ones count again, nothing twice.
    /// </summary>
    public static async Task AssertCountsMatchLiveActivitiesAsync(string dataDirectory, Guid connectionId)
    {
        var id = connectionId.ToString("D").ToUpperInvariant();
        var counted = await ScalarAsync(dataDirectory, $"SELECT COALESCE(SUM(Count), 0) FROM ActivityCounts WHERE ConnectionId = '{id}'");
        var live = await ScalarAsync(dataDirectory, $"""
            SELECT COUNT(*) FROM Activities a WHERE a.ConnectionId = '{id}' AND a.TeamSourceId IS NOT NULL AND a.Week IS NOT NULL
              AND a.Class IS NOT NULL AND NOT EXISTS (SELECT 1 FROM WorkItems w WHERE w.ConnectionId = a.ConnectionId
              AND w.SourceId = a.WorkItemSourceId AND w.DeletedAt IS NOT NULL)
            """);
        Assert.That(counted, Is.EqualTo(live), "balance counts = live classified activities");
    }
}
