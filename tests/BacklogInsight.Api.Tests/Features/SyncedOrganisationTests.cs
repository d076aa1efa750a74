using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Features;

/// <summary>The API over a synced sample organisation, as a new user meets it.</summary>
[TestFixture]
public sealed class SyncedOrganisationTests
{
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private Guid _connectionId;
    private Guid _runId;

    [OneTimeSetUp]
    public async Task SyncSampleOrganisation()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _client = _factory.CreateClient();
        var created = await _client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("demo"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        _connectionId = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();

        var accepted = await _client.PostAsync($"/api/connections/{_connectionId}/sync", null);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await accepted.Content.ReadAsStringAsync());
        _runId = (await ApiJson.ReadAsync(accepted))["runId"]!.GetValue<Guid>();
        await _factory.RunSyncJobAsync(_connectionId, _runId);
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task GetTeams_AfterSync_ListsTheSampleTeams()
    {
        var teams = await ApiJson.ReadAllPagesAsync(_client, "/api/teams");

        Assert.That(teams, Has.Count.GreaterThanOrEqualTo(4));
        Assert.That(teams.Select(t => t!["name"]!.GetValue<string>()), Is.Unique.And.All.Not.Empty);
        Assert.That(teams.Sum(t => t!["workItems"]!.GetValue<int>()), Is.GreaterThanOrEqualTo(2000));
    }

    [Test]
    public async Task GetActivities_ForATeam_ReturnsActivitiesWithActorsTimesAndSourceKeys()
    {
        var teamId = (await ApiJson.ReadAllPagesAsync(_client, "/api/teams"))[0]["id"]!.GetValue<long>();

        var page = await ApiJson.ReadAsync(await _client.GetAsync($"/api/activities?team={teamId}&limit=50"));

        var items = page["items"]!.AsArray();
        Assert.That(items, Has.Count.EqualTo(50));
        Assert.That(page["nextCursor"]?.GetValue<string>(), Is.Not.Null);
        foreach (var activity in items)
        {
            Assert.That(activity!["sourceKey"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(activity["actor"]!["displayName"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(activity["occurredAt"]!.GetValue<DateTimeOffset>().Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(activity["workItem"]!["key"]!.GetValue<string>(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task GetActivities_FollowingCursors_VisitsEveryActivityOfTheTeamOnceInOrder()
    {
        var teamId = (await ApiJson.ReadAllPagesAsync(_client, "/api/teams"))[1]["id"]!.GetValue<long>();

        var all = await ApiJson.ReadAllPagesAsync(_client, $"/api/activities?team={teamId}&limit=1000");

        var ids = all.Select(a => a["id"]!.GetValue<long>()).ToList();
        Assert.That(ids, Is.Ordered.And.Unique);
        Assert.That(ids, Has.Count.GreaterThan(1000), "more than one page");
    }

    [Test]
    public async Task GetActivities_WithWindowAndKind_ReturnsOnlyMatchingActivities()
    {
        var from = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse("2026-11-08T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var all = await ApiJson.ReadAllPagesAsync(_client, "/api/activities?from=2026-11-01&to=2026-11-08T00:00:00Z&kind=commented&limit=1000");

        Assert.That(all, Is.Not.Empty);
        Assert.That(all.Select(a => a["kind"]!.GetValue<string>()), Is.All.EqualTo("commented"));
        Assert.That(all.Select(a => a["occurredAt"]!.GetValue<DateTimeOffset>()), Is.All.InRange(from, to));
        Assert.That(all.Select(a => a["text"]!.GetValue<string>()), Is.All.Not.Empty);
    }

    [Test]
    public async Task GetSyncRuns_AfterSync_RecordsWhatTheRunDid()
    {
        var runs = await ApiJson.ReadAllPagesAsync(_client, $"/api/connections/{_connectionId}/sync-runs");

        var run = runs.Single(r => r["id"]!.GetValue<Guid>() == _runId);
        Assert.That(run["status"]!.GetValue<string>(), Is.EqualTo("succeeded"));
        Assert.That(run["trigger"]!.GetValue<string>(), Is.EqualTo("api"));
        Assert.That(run["activitiesAdded"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(25000));
        Assert.That(run["pages"]!.GetValue<int>(), Is.GreaterThan(1));
        Assert.That(run["startedAt"]!.GetValue<DateTimeOffset>(), Is.LessThanOrEqualTo(run["endedAt"]!.GetValue<DateTimeOffset>()));
        Assert.That(run["error"], Is.Null);
    }

    [Test]
    public async Task GetPeople_ForATeam_ListsOnlyThoseWhoWorkedOnIt()
    {
        var teamId = (await ApiJson.ReadAllPagesAsync(_client, "/api/teams"))[0]["id"]!.GetValue<long>();

        var everyone = await ApiJson.ReadAllPagesAsync(_client, "/api/people");
        var team = await ApiJson.ReadAllPagesAsync(_client, $"/api/people?team={teamId}");

        Assert.That(everyone, Has.Count.GreaterThanOrEqualTo(30));
        Assert.That(team, Is.Not.Empty);
        Assert.That(team, Has.Count.LessThan(everyone.Count));
    }

    [Test]
    public async Task GetWorkItems_ForATeam_ReturnsItsItemsWithLinksBack()
    {
        var team = (await ApiJson.ReadAllPagesAsync(_client, "/api/teams"))[0];

        var items = await ApiJson.ReadAllPagesAsync(_client, $"/api/work-items?team={team["id"]}&limit=1000");

        Assert.That(items, Has.Count.EqualTo(team["workItems"]!.GetValue<int>()));
        Assert.That(items.Select(i => i["teamSourceId"]!.GetValue<string>()), Is.All.EqualTo(team["sourceId"]!.GetValue<string>()));
        Assert.That(items.Select(i => i["url"]!.GetValue<string>()), Is.All.StartWith("https://"));
    }

    [Test]
    public async Task PostSync_SecondTimeWithNoNewData_AddsNoActivities()
    {
        var accepted = await ApiJson.ReadAsync(await _client.PostAsync($"/api/connections/{_connectionId}/sync", null));
        var runId = accepted["runId"]!.GetValue<Guid>();

        await _factory.RunSyncJobAsync(_connectionId, runId);

        var run = await ApiJson.ReadAsync(await _client.GetAsync($"/api/connections/{_connectionId}/sync-runs/{runId}"));
        Assert.That(run["status"]!.GetValue<string>(), Is.EqualTo("succeeded"));
        Assert.That(run["activitiesAdded"]!.GetValue<int>(), Is.Zero);
    }
}
