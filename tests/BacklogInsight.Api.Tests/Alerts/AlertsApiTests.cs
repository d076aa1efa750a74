using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Alerts;

/// <summary>The alert list's filters and paging, and the rule settings with their validation.</summary>
[TestFixture]
public sealed class AlertsApiTests
{
    private AlertsHost _host = null!;

    [SetUp]
    public async Task SetUp()
    {
        _host = await AlertsHost.StartAsync();
        await _host.EvaluateAsync();
    }

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    [Test]
    public async Task ListAlerts_OnePerPage_FollowsTheCursorThroughEveryAlert()
    {
        var all = await _host.AlertsAsync();

        var paged = await ApiJson.ReadAllPagesAsync(_host.Client, "/api/alerts?limit=1");

        Assert.That(paged.Select(a => a["id"]!.GetValue<long>()), Is.EqualTo(all.Select(a => a["id"]!.GetValue<long>())));
    }

    [Test]
    public async Task ListAlerts_TeamFilter_ListsOnlyThatTeamsAlerts()
    {
        var team = await _host.TeamIdAsync("Growth & Onboarding");

        var alerts = await _host.AlertsAsync($"&team={team}&state=open");

        Assert.Multiple(() =>
        {
            Assert.That(alerts.Select(a => a["teamName"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "Growth & Onboarding" }));
            Assert.That(alerts.Single()["evidence"]!.AsArray(), Is.Not.Empty);
        });
    }

    [TestCase("?state=closed", "state")]
    [TestCase("?team=abc", "team")]
    [TestCase("?cursor=nope", "cursor")]
    public async Task ListAlerts_BadParameter_IsAProblemNamingIt(string query, string field)
    {
        var response = await _host.Client.GetAsync($"/api/alerts{query}");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await ApiJson.ReadAsync(response))["errors"]![field], Is.Not.Null);
        });
    }

    [Test]
    public async Task GetAlertRules_NothingStored_ShowsTheTaxonomyDefaults()
    {
        var rules = await ApiJson.ReadAsync(await _host.Client.GetAsync("/api/alert-rules"));

        Assert.Multiple(() =>
        {
            Assert.That(rules["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()),
                Is.EqualTo(new[] { "team-lacks-owner", "thin-ownership", "team-lacks-strategic-direction", "combined-role", "sync-stale" }));
            Assert.That(rules["organisationEffective"]!["ownerWindowDays"]!.GetValue<int>(), Is.EqualTo(28));
            Assert.That(rules["organisationEffective"]!["strategyWindowDays"]!.GetValue<int>(), Is.EqualTo(90));
            Assert.That(rules["reminderAfterDays"]!.GetValue<int>(), Is.EqualTo(7));
            Assert.That(rules["teams"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task PutAlertRules_OrganisationAndTeamOverrides_AreStoredAndInForce()
    {
        var team = await _host.TeamIdAsync("Payments");

        var response = await _host.Client.PutAsJsonAsync("/api/alert-rules", new
        {
            organisation = new { ownerWindowDays = 21 },
            teams = new[] { new { teamId = team, overrides = new { deliveryFloor = 30 } } },
        });
        var rules = await ApiJson.ReadAsync(await _host.Client.GetAsync("/api/alert-rules"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(rules["organisationEffective"]!["ownerWindowDays"]!.GetValue<int>(), Is.EqualTo(21));
            Assert.That(rules["teams"]![0]!["effective"]!["ownerWindowDays"]!.GetValue<int>(), Is.EqualTo(21));
            Assert.That(rules["teams"]![0]!["effective"]!["deliveryFloor"]!.GetValue<int>(), Is.EqualTo(30));
            Assert.That(rules["teams"]![0]!["overrides"]!["ownerWindowDays"], Is.Null);
        });
    }

    [Test]
    public async Task PutAlertRules_OutOfRangeAndUnknownTeam_IsAProblemAndNothingIsStored()
    {
        await _host.Client.PutAsJsonAsync("/api/alert-rules", new { organisation = new { ownerWindowDays = 21 } });

        var response = await _host.Client.PutAsJsonAsync("/api/alert-rules", new
        {
            organisation = new { ownerWindowDays = 2, thinOwnershipRatio = 1.5 },
            teams = new[] { new { teamId = 424242L, overrides = new { deliveryFloor = 30 } } },
        });
        var problem = await ApiJson.ReadAsync(response);
        var rules = await ApiJson.ReadAsync(await _host.Client.GetAsync("/api/alert-rules"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!["organisation.ownerWindowDays"], Is.Not.Null);
            Assert.That(problem["errors"]!["organisation.thinOwnershipRatio"], Is.Not.Null);
            Assert.That(problem["errors"]!["teams[0].teamId"]![0]!.GetValue<string>(), Is.EqualTo("No team with id '424242'."));
            Assert.That(rules["organisationEffective"]!["ownerWindowDays"]!.GetValue<int>(), Is.EqualTo(21));
        });
    }

    [Test]
    public async Task PutAlertRules_MalformedBody_IsAProblem()
    {
        using var content = new StringContent("{\"organisation\": {\"ownerWindowDays\": \"many\"}}", System.Text.Encoding.UTF8, "application/json");

        var response = await _host.Client.PutAsync("/api/alert-rules", content);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }
}
