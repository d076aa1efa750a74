using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Tests.Alerts;

[TestFixture]
public sealed class AlertStorageTests
{
    private StorageFixture _storage = null!;
    private long _teamId;

    [SetUp]
    public async Task SetUp()
    {
        _storage = await StorageFixture.CreateAsync();
        await using var db = _storage.CreateContext();
        var team = new Team { ConnectionId = _storage.ConnectionId, SourceId = "1", Name = "Payments" };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        _teamId = team.Id;
    }

    [TearDown]
    public async Task TearDown() => await _storage.DisposeAsync();

    private Alert NewAlert(AlertState state = AlertState.Open) => new()
    {
        RuleId = AlertRule.LacksOwner.Id,
        TeamId = _teamId,
        ConnectionId = _storage.ConnectionId,
        SubjectKey = Alert.TeamSubject(_teamId),
        Severity = AlertSeverity.Critical,
        State = state,
        OpenedAt = _storage.Time.GetUtcNow(),
        RaisedAt = _storage.Time.GetUtcNow(),
        Summary = "Payments lacks an owner.",
        Evidence = ["Last owner decision: none on record."],
    };

    [Test]
    public async Task SaveChanges_SecondOpenAlertForTheSameRuleAndTeam_IsRejected()
    {
        await using (var db = _storage.CreateContext())
        {
            db.Alerts.Add(NewAlert());
            await db.SaveChangesAsync();
        }

        await using var second = _storage.CreateContext();
        second.Alerts.Add(NewAlert(AlertState.Acknowledged));

        Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    [Test]
    public async Task SaveChanges_ResolvedAlertsAndOneOpen_AreAllKept()
    {
        await using (var db = _storage.CreateContext())
        {
            db.Alerts.AddRange(NewAlert(AlertState.Resolved), NewAlert(AlertState.Resolved), NewAlert());
            await db.SaveChangesAsync();
        }

        await using var read = _storage.CreateContext();
        var alerts = await read.Alerts.OrderBy(a => a.Id).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(alerts.Select(a => a.State), Is.EqualTo(new[] { AlertState.Resolved, AlertState.Resolved, AlertState.Open }));
            Assert.That(alerts[2].Evidence, Is.EqualTo(new[] { "Last owner decision: none on record." }));
        });
    }

    [Test]
    public async Task RuleSettings_OverridesRoundTripWithOnlyTheValuesSet()
    {
        await using (var db = _storage.CreateContext())
        {
            db.AlertRuleSettings.Add(new AlertRuleSetting { TeamId = _teamId, Scope = $"team:{_teamId}", Overrides = new AlertThresholdOverrides { OwnerWindowDays = 14, RollUpShare = 0.2 } });
            await db.SaveChangesAsync();
        }

        await using var read = _storage.CreateContext();
        var stored = await read.AlertRuleSettings.SingleAsync();
        Assert.That(stored.Overrides, Is.EqualTo(new AlertThresholdOverrides { OwnerWindowDays = 14, RollUpShare = 0.2 }));
    }
}
