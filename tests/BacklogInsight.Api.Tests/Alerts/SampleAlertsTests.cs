using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Alerts;

/// <summary>The demo acceptance: the sample organisation's four situations raise exactly their alerts.</summary>
[TestFixture]
public sealed class SampleAlertsTests
{
    private AlertsHost _host = null!;
    private List<JsonNode> _active = null!;

    [OneTimeSetUp]
    public async Task EvaluateSample()
    {
        _host = await AlertsHost.StartAsync();
        await _host.EvaluateAsync();
        _active = await _host.AlertsAsync("&state=active");
    }

    [OneTimeTearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private async Task<List<string>> RulesOfAsync(string team)
    {
        var id = await _host.TeamIdAsync(team);
        return [.. _active.Where(a => a["teamId"]?.GetValue<long>() == id).Select(a => a["ruleId"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    [Test]
    public async Task Evaluate_DeactivatedOwnerTeam_LacksOwnerOpenedTheWindowAfterItsLastOwnerDecision()
    {
        var team = await _host.TeamIdAsync("Data Platform");
        var owner = (await ApiJson.ReadAsync(await _host.Client.GetAsync($"/api/teams/{team}")))["owner"]!["sourceId"]!.GetValue<string>();
        var tactical = await ApiJson.ReadAllPagesAsync(_host.Client, $"/api/activities?team={team}&class=tactical&limit=1000");
        var lastDecision = tactical.Where(a => a["actor"]?["sourceId"]?.GetValue<string>() == owner).Max(a => a["occurredAt"]!.GetValue<DateTimeOffset>());

        var alert = _active.Single(a => a["teamId"]?.GetValue<long>() == team && a["ruleId"]!.GetValue<string>() == "team-lacks-owner");
        await TestContext.Out.WriteLineAsync(alert.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(alert["state"]!.GetValue<string>(), Is.EqualTo("open"));
            Assert.That(alert["severity"]!.GetValue<string>(), Is.EqualTo("critical"));
            Assert.That(alert["openedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(lastDecision.AddDays(28)).Within(TimeSpan.FromDays(1)));
            Assert.That(alert["evidence"]!.AsArray().Select(e => e!.GetValue<string>()), Has.Some.StartsWith("Last owner decision: "));
            Assert.That(alert["evidence"]!.AsArray().Select(e => e!.GetValue<string>()), Has.Some.Contains("account deactivated"));
            Assert.That(alert["dashboardPath"]!.GetValue<string>(), Is.EqualTo($"/#/teams/{team}"));
        });
    }

    [Test]
    public async Task Evaluate_TeamWithoutStrategicWork_LacksStrategicDirection() =>
        Assert.That(await RulesOfAsync("Growth & Onboarding"), Is.EqualTo(new[] { "team-lacks-strategic-direction" }));

    [Test]
    public async Task Evaluate_HealthyTeams_HaveNoAlert()
    {
        Assert.That(await RulesOfAsync("Payments"), Is.Empty);
        Assert.That(await RulesOfAsync("Search & Discovery"), Is.Empty);
    }

    [Test]
    public async Task Evaluate_CombinedRoleTeam_HasTheInformationalAlertOnly()
    {
        var team = await _host.TeamIdAsync("Mobile App");

        var alerts = _active.Where(a => a["teamId"]?.GetValue<long>() == team).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(alerts.Select(a => a["ruleId"]!.GetValue<string>()), Is.EqualTo(new[] { "combined-role" }));
            Assert.That(alerts.Select(a => a["severity"]!.GetValue<string>()), Is.EqualTo(new[] { "info" }));
        });
    }

    [Test]
    public void Evaluate_SyncedConnection_IsNotStale() =>
        Assert.That(_active.Where(a => a["ruleId"]!.GetValue<string>() == "sync-stale"), Is.Empty);
}
