using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>Creates and syncs a Jira connection against a <see cref="FakeJiraServer"/>, and computes what it should store.</summary>
internal static class JiraSyncHarness
{
    public static async Task<Guid> CreateConnectionAsync(HttpClient client, FakeJiraServer fake, string name = "pay-jira", string[]? projects = null)
    {
        var created = await client.PostAsJsonAsync("/api/connections", new
        {
            name,
            kind = "jira",
            baseUrl = fake.BaseUrl.AbsoluteUri,
            settings = new { deployment = "cloud", email = "x@y", projects = projects ?? [FakeJiraSite.ProjectKey] },
            secrets = new { token = "fake-token" },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
    }

    /// <summary>Queues and runs one sync; returns the failure, if the run failed.</summary>
    public static async Task<Exception?> SyncAsync(BacklogApiFactory factory, HttpClient client, Guid connectionId)
    {
        var accepted = await client.PostAsync($"/api/connections/{connectionId}/sync", null);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await accepted.Content.ReadAsStringAsync());
        try
        {
            await factory.RunSyncJobAsync(connectionId, (await ApiJson.ReadAsync(accepted))["runId"]!.GetValue<Guid>());
            return null;
        }
        catch (Exception exception) when (exception is not AssertionException)
        {
            return exception;
        }
    }

    /// <summary>The activity source keys the site should produce: creation, one per change item, one per comment.</summary>
    public static List<string> ExpectedActivityKeys(FakeJiraSite site)
    {
        var keys = new List<string>();
        for (var i = 0; i < site.Count; i++)
        {
            var issue = site.Issue(i);
            keys.Add("cr" + issue.Id);
            foreach (var history in issue.Histories)
            {
                keys.AddRange(history.Items.Select((_, index) => $"h{history.Id}-{index}"));
            }

            keys.AddRange(issue.Comments.Select(c => "c" + c.Id));
        }

        return keys;
    }

    public static string Fingerprint(IEnumerable<string> keys) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys.Order(StringComparer.Ordinal)))));

    public static Task<List<string>> StoredAsync(string dataDirectory, string sql) => DatabaseSnapshot.ColumnAsync(dataDirectory, sql);
}
