using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Features;

/// <summary>Stopping and starting the service on the same data loses nothing and duplicates nothing.</summary>
[TestFixture]
public sealed class RestartTests
{
    [Test]
    public async Task Restart_ThenSyncAgain_KeepsEveryActivityAndAddsNone()
    {
        using var data = new TempDirectory();
        Guid connectionId;
        int activitiesBefore;
        await using (var first = new BacklogApiFactory(data.Path))
        {
            using var client = first.CreateClient();
            var created = await ApiJson.ReadAsync(await client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("demo")));
            connectionId = created["id"]!.GetValue<Guid>();
            var run = await ApiJson.ReadAsync(await client.PostAsync($"/api/connections/{connectionId}/sync", null));
            await first.RunSyncJobAsync(connectionId, run["runId"]!.GetValue<Guid>());
            activitiesBefore = (await ApiJson.ReadAllPagesAsync(client, "/api/activities?limit=1000")).Count;
        }

        await using var second = new BacklogApiFactory(data.Path);
        using var restarted = second.CreateClient();
        var again = await ApiJson.ReadAsync(await restarted.PostAsync($"/api/connections/{connectionId}/sync", null));
        await second.RunSyncJobAsync(connectionId, again["runId"]!.GetValue<Guid>());

        var runs = await ApiJson.ReadAllPagesAsync(restarted, $"/api/connections/{connectionId}/sync-runs");
        var activitiesAfter = await ApiJson.ReadAllPagesAsync(restarted, "/api/activities?limit=1000");
        Assert.That(runs, Has.Count.EqualTo(2));
        Assert.That(runs[0]["status"]!.GetValue<string>(), Is.EqualTo("succeeded"));
        Assert.That(runs[0]["activitiesAdded"]!.GetValue<int>(), Is.Zero);
        Assert.That(activitiesAfter, Has.Count.EqualTo(activitiesBefore));
        Assert.That(activitiesAfter.Select(a => a["sourceKey"]!.GetValue<string>()), Is.Unique);
    }
}
