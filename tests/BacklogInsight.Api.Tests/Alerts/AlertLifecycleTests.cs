using System.Net;
using System.Net.Http.Json;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Tests.Alerts;

/// <summary>Open once, keep fresh, remind, acknowledge, resolve — and tell the notifiers exactly once per transition.</summary>
[TestFixture]
public sealed class AlertLifecycleTests
{
    private AlertsHost _host = null!;

    [SetUp]
    public async Task SetUp() => _host = await AlertsHost.StartAsync();

    [TearDown]
    public async Task TearDown() => await _host.DisposeAsync();

    private async Task<long> AlertIdAsync(string team, string rule)
    {
        var teamId = await _host.TeamIdAsync(team);
        return (await _host.AlertsAsync($"&team={teamId}")).Single(a => a["ruleId"]!.GetValue<string>() == rule && a["state"]!.GetValue<string>() != "resolved")["id"]!.GetValue<long>();
    }

    [Test]
    public async Task Evaluate_Twice_OpensEachAlertOnceAndNotifiesOnce()
    {
        var first = await _host.EvaluateAsync();
        var second = await _host.EvaluateAsync();

        var alerts = await _host.AlertsAsync();
        var opened = _host.Notifier.Notices.Where(n => n.Transition == AlertTransition.Opened).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.Opened, Is.EqualTo(alerts.Count).And.GreaterThanOrEqualTo(3));
            Assert.That(second.Opened, Is.Zero);
            Assert.That(opened.Select(n => n.AlertId).Order(), Is.EqualTo(alerts.Select(a => a!["id"]!.GetValue<long>()).Order()));
            Assert.That(_host.Notifier.Notices, Has.Count.EqualTo(opened.Count));
        });
    }

    [Test]
    public async Task Evaluate_NewOwnerTakesOver_LacksOwnerResolvesOnceAndStaysInHistory()
    {
        await _host.EvaluateAsync();
        var alertId = await AlertIdAsync("Data Platform", AlertRule.LacksOwner.Id);
        await _host.WithDbAsync(async db =>
        {
            var team = await db.Teams.SingleAsync(t => t.Name == "Data Platform");
            var bots = await db.People.Where(p => p.IsBot).Select(p => p.SourceId).ToListAsync();
            var newOwner = await db.ActivityCounts
                .Where(c => c.TeamSourceId == team.SourceId && c.Class == ActivityClass.Tactical && !bots.Contains(c.ActorSourceId))
                .OrderByDescending(c => c.LastAt).Select(c => c.ActorSourceId).FirstAsync();
            team.OwnerSourceId = newOwner;
            return await db.SaveChangesAsync();
        });

        var result = await _host.EvaluateAsync();
        await _host.EvaluateAsync();

        var alert = await ApiJson.ReadAsync(await _host.Client.GetAsync($"/api/alerts/{alertId}"));
        var teamId = await _host.TeamIdAsync("Data Platform");
        Assert.Multiple(() =>
        {
            Assert.That(result.Resolved, Is.EqualTo(1));
            Assert.That(alert["state"]!.GetValue<string>(), Is.EqualTo("resolved"));
            Assert.That(alert["resolvedReason"]!.GetValue<string>(), Does.Contain("has owner decisions"));
            Assert.That(_host.Notifier.Notices.Where(n => n.AlertId == alertId).Select(n => n.Transition), Is.EqualTo(new[] { AlertTransition.Opened, AlertTransition.Resolved }));
        });
        Assert.That((await _host.AlertsAsync($"&team={teamId}&state=active")).Where(a => a["ruleId"]!.GetValue<string>() == AlertRule.LacksOwner.Id), Is.Empty);
    }

    [Test]
    public async Task Evaluate_OpenForAWeekAndAgain_RemindsWithSequenceOneThenTwo()
    {
        await _host.EvaluateAsync();
        var alertId = await AlertIdAsync("Growth & Onboarding", AlertRule.LacksStrategicDirection.Id);

        _host.Time.Advance(TimeSpan.FromDays(7));
        await _host.EvaluateAsync();
        _host.Time.Advance(TimeSpan.FromDays(3));
        await _host.EvaluateAsync();
        _host.Time.Advance(TimeSpan.FromDays(4));
        await _host.EvaluateAsync();

        var notices = _host.Notifier.Notices.Where(n => n.AlertId == alertId).ToList();
        var alert = await ApiJson.ReadAsync(await _host.Client.GetAsync($"/api/alerts/{alertId}"));
        Assert.Multiple(() =>
        {
            Assert.That(notices.Select(n => (n.Transition, n.Sequence)), Is.EqualTo(new[] { (AlertTransition.Opened, 0), (AlertTransition.Reminder, 1), (AlertTransition.Reminder, 2) }));
            Assert.That(notices.Select(n => n.IdempotencyKey).Distinct().Count(), Is.EqualTo(3));
            Assert.That(alert["reminderCount"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Acknowledge_OpenAlert_RecordsWhoAndStopsReminders()
    {
        await _host.EvaluateAsync();
        var alertId = await AlertIdAsync("Growth & Onboarding", AlertRule.LacksStrategicDirection.Id);

        var response = await _host.Client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { by = "head.of.product@example.com" });
        _host.Time.Advance(TimeSpan.FromDays(8));
        await _host.EvaluateAsync();

        var alert = await ApiJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(alert["state"]!.GetValue<string>(), Is.EqualTo("acknowledged"));
            Assert.That(alert["acknowledgedBy"]!.GetValue<string>(), Is.EqualTo("head.of.product@example.com"));
            Assert.That(alert["acknowledgedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(AlertsHost.SampleNow.AddHours(1)));
            Assert.That(_host.Notifier.Notices.Where(n => n.AlertId == alertId).Select(n => n.Transition), Is.EqualTo(new[] { AlertTransition.Opened }));
            Assert.That(_host.Notifier.Notices.Where(n => n.Transition == AlertTransition.Reminder), Is.Not.Empty, "other open alerts are still reminded");
        });
    }

    [Test]
    public async Task Acknowledge_WithoutWho_IsAProblemNamingTheField()
    {
        await _host.EvaluateAsync();
        var alertId = await AlertIdAsync("Growth & Onboarding", AlertRule.LacksStrategicDirection.Id);

        var response = await _host.Client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { by = " " });

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((await ApiJson.ReadAsync(response))["errors"]!["by"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Acknowledge_ResolvedOrUnknownAlert_IsConflictOrNotFound()
    {
        await _host.EvaluateAsync();
        var alertId = await AlertIdAsync("Mobile App", AlertRule.CombinedRole.Id);
        var teamId = await _host.TeamIdAsync("Mobile App");
        var put = await _host.Client.PutAsJsonAsync("/api/alert-rules", new { teams = new[] { new { teamId, overrides = new { combinedMinimumEach = 10000 } } } });
        await _host.EvaluateAsync();

        var resolved = await _host.Client.PostAsJsonAsync($"/api/alerts/{alertId}/acknowledge", new { by = "lead" });
        var unknown = await _host.Client.PostAsJsonAsync("/api/alerts/999999/acknowledge", new { by = "lead" });

        Assert.Multiple(() =>
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(_host.Notifier.Notices.Where(n => n.AlertId == alertId).Select(n => n.Transition), Is.EqualTo(new[] { AlertTransition.Opened, AlertTransition.Resolved }));
        });
    }
}
