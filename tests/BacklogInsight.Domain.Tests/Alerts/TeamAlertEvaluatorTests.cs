using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Tests.Alerts;

public sealed class TeamAlertEvaluatorTests
{
    private static readonly DateTimeOffset Now = TeamHistory.Now;

    private static TeamAlertEvaluator CreateSut() => new(TimeZoneInfo.Utc);

    private static AlertFinding Finding(TeamHistory history, AlertRule rule, AlertThresholds? limits = null) =>
        CreateSut().Evaluate(history.Build(), limits ?? new AlertThresholds(), Now).Single(f => f.Rule == rule);

    [Test]
    public void Evaluate_HealthyTeam_RaisesNothing()
    {
        var findings = CreateSut().Evaluate(TeamHistory.Delivering().WithActiveOwner().Designating("olivia").Build(), new AlertThresholds(), Now);

        Assert.That(findings.Where(f => f.Outcome == FindingOutcome.Raised).Select(f => f.Summary), Is.Empty);
    }

    [Test]
    public void Evaluate_OwnerActiveOnlyOnAnotherTeam_LacksOwner()
    {
        // Olivia is the designated owner but her owner work is all on another team: on this backlog she has none.
        var history = TeamHistory.Delivering().Designating("olivia");

        var finding = Finding(history, AlertRule.LacksOwner);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Summary, Does.Contain("nobody has ever made an owner decision"));
            Assert.That(finding.Evidence, Has.Some.Contains("Designated owner Olivia: active account, no owner work on record."));
        });
    }

    [Test]
    public void Evaluate_NoOwnerDecisionForFortyTwoDays_LacksOwnerSinceTheWindowAfterTheLastDecision()
    {
        var history = TeamHistory.Delivering().With("olivia", lastTacticalDaysAgo: 42);

        var finding = Finding(history, AlertRule.LacksOwner);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Since, Is.EqualTo(Now.AddDays(-42 + 28)));
            Assert.That(finding.Evidence[0], Is.EqualTo("Last owner decision: Olivia changed Rank on PAY-7 “Refund by card”, 2026-10-12 (42 days ago)."));
            Assert.That(finding.Evidence, Has.Some.EqualTo("Delivery: 40 activities by 4 people in the last 28 days (floor: 15 by 2)."));
        });
    }

    [Test]
    public void Evaluate_OwnerOnHolidayWhileTheTeamIsIdle_RaisesNothing()
    {
        var history = TeamHistory.Delivering(developers: 4, deliveryEach: 0).With("olivia", lastTacticalDaysAgo: 35).Designating("olivia");

        var findings = CreateSut().Evaluate(history.Build(), new AlertThresholds(), Now);

        Assert.Multiple(() =>
        {
            Assert.That(findings.Where(f => f.Outcome == FindingOutcome.Raised), Is.Empty);
            Assert.That(findings.Single(f => f.Rule == AlertRule.LacksOwner).Outcome, Is.EqualTo(FindingOutcome.Dormant));
        });
    }

    [Test]
    public void Evaluate_OwnerOnHolidayWhileTheTeamBarelyWorks_IsInsufficientDataNotAbsent()
    {
        var history = TeamHistory.Delivering(developers: 1, deliveryEach: 6).With("olivia", lastTacticalDaysAgo: 35).Designating("olivia");

        var finding = Finding(history, AlertRule.LacksOwner);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.InsufficientData));
            Assert.That(finding.Summary, Does.Contain("insufficient data"));
        });
    }

    [Test]
    public void Evaluate_OneHolidayWeekWhileTheTeamWorks_DoesNotTrigger()
    {
        var history = TeamHistory.Delivering().WithActiveOwner(lastDaysAgo: 10).Designating("olivia");

        Assert.That(Finding(history, AlertRule.LacksOwner).Outcome, Is.EqualTo(FindingOutcome.Clear));
    }

    [Test]
    public void Evaluate_NewOwnerTakesOverFromADeactivatedOne_DoesNotRaise()
    {
        var history = TeamHistory.Delivering()
            .With("olga", lastTacticalDaysAgo: 50)
            .WithActiveOwner("nina", decisions: 8, lastDaysAgo: 3)
            .Designating("nina");

        Assert.That(Finding(history, AlertRule.LacksOwner).Outcome, Is.EqualTo(FindingOutcome.Clear));
    }

    [Test]
    public void Evaluate_DesignatedOwnerDeactivatedWhileOthersFillIn_LacksOwnerAndNamesTheDeFactoOwner()
    {
        var history = TeamHistory.Delivering()
            .With("olga", lastTacticalDaysAgo: 40)
            .WithActiveOwner("nina", decisions: 8, lastDaysAgo: 3)
            .Designating("olga", active: false);

        var finding = Finding(history, AlertRule.LacksOwner);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Summary, Does.Contain("Olga is deactivated"));
            Assert.That(finding.Evidence, Has.Some.StartsWith("De-facto owner: Nina, 8 owner decisions"));
        });
    }

    [Test]
    public void Evaluate_BotRanksTheBacklog_StillLacksOwner()
    {
        var history = TeamHistory.Delivering()
            .With("automation", new ClassCounts(0, 30, 0, 0), lastTacticalDaysAgo: 1, bot: true)
            .With("olivia", lastTacticalDaysAgo: 45);

        var finding = Finding(history, AlertRule.LacksOwner);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Evidence[0], Does.StartWith("Last owner decision: Olivia"));
        });
    }

    [Test]
    public void Evaluate_HistoryShorterThanTheWindow_IsInsufficientData()
    {
        var history = TeamHistory.Delivering().StartingDaysAgo(10);

        var findings = CreateSut().Evaluate(history.Build(), new AlertThresholds(), Now);

        Assert.Multiple(() =>
        {
            Assert.That(findings.Single(f => f.Rule == AlertRule.LacksOwner).Outcome, Is.EqualTo(FindingOutcome.InsufficientData));
            Assert.That(findings.Single(f => f.Rule == AlertRule.LacksOwner).Summary, Does.Contain("covers 10 of the 28 days"));
            Assert.That(findings.Single(f => f.Rule == AlertRule.LacksStrategicDirection).Outcome, Is.EqualTo(FindingOutcome.InsufficientData));
        });
    }

    [Test]
    public void Evaluate_OwnerDecisionsUnderFivePercentOfDelivery_ThinOwnershipNotLacksOwner()
    {
        var history = TeamHistory.Delivering(developers: 5, deliveryEach: 40).WithActiveOwner(decisions: 4);

        var findings = CreateSut().Evaluate(history.Build(), new AlertThresholds(), Now);

        Assert.Multiple(() =>
        {
            Assert.That(findings.Single(f => f.Rule == AlertRule.LacksOwner).Outcome, Is.EqualTo(FindingOutcome.Clear));
            Assert.That(findings.Single(f => f.Rule == AlertRule.ThinOwnership).Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(findings.Single(f => f.Rule == AlertRule.ThinOwnership).Evidence[0], Does.Contain("4 ÷ 200 = 2%"));
        });
    }

    [Test]
    public void Evaluate_TeamOverrideOfTheWindow_TakesEffect()
    {
        var history = TeamHistory.Delivering().WithActiveOwner(lastDaysAgo: 20);

        Assert.Multiple(() =>
        {
            Assert.That(Finding(history, AlertRule.LacksOwner).Outcome, Is.EqualTo(FindingOutcome.Clear));
            Assert.That(Finding(history, AlertRule.LacksOwner, new AlertThresholds().With(new AlertThresholdOverrides { OwnerWindowDays = 14 })).Outcome, Is.EqualTo(FindingOutcome.Raised));
        });
    }

    [Test]
    public void Evaluate_NoStrategicWorkForAQuarterWhileOwnerWorks_LacksStrategicDirection()
    {
        var history = TeamHistory.Delivering()
            .With("olivia", new ClassCounts(0, 20, 0, 0), lastTacticalDaysAgo: 1)
            .With("pam", lastStrategicDaysAgo: 98);

        var finding = Finding(history, AlertRule.LacksStrategicDirection);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Since, Is.EqualTo(Now.AddDays(-98 + 90)));
            Assert.That(finding.Evidence[0], Is.EqualTo("Strategic activities on the team's backlog in the last 90 days: 0 (raised at 2 or fewer)."));
        });
    }

    [Test]
    public void Evaluate_CompletedWorkNoLongerRollsUp_LacksStrategicDirection()
    {
        var history = TeamHistory.Delivering().WithActiveOwner().WithCompletedStories(completed: 20, rollingUp: 3);

        var finding = Finding(history, AlertRule.LacksStrategicDirection);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Summary, Does.Contain("no longer roll up"));
        });
    }

    [Test]
    public void Evaluate_CompletedWorkRollsUp_HasStrategicDirection()
    {
        var history = TeamHistory.Delivering().WithActiveOwner().WithCompletedStories(completed: 20, rollingUp: 12);

        Assert.That(Finding(history, AlertRule.LacksStrategicDirection).Outcome, Is.EqualTo(FindingOutcome.Clear));
    }

    [Test]
    public void Evaluate_TeamWithoutAnOwner_DoesNotAlsoRaiseStrategy()
    {
        var history = TeamHistory.Delivering().With("olivia", lastTacticalDaysAgo: 60);

        Assert.That(Finding(history, AlertRule.LacksStrategicDirection).Outcome, Is.EqualTo(FindingOutcome.InsufficientData));
    }

    [Test]
    public void Evaluate_OnePersonCarriesBothRoles_CombinedRoleInformation()
    {
        var history = TeamHistory.Delivering()
            .With("lea", new ClassCounts(4, 20, 0, 0), new ClassCounts(14, 60, 0, 0), lastTacticalDaysAgo: 1, lastStrategicDaysAgo: 2)
            .With("dev0", new ClassCounts(0, 3, 10, 0), new ClassCounts(1, 9, 30, 0), lastTacticalDaysAgo: 4);

        var finding = Finding(history, AlertRule.CombinedRole);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Outcome, Is.EqualTo(FindingOutcome.Raised));
            Assert.That(finding.Rule.Severity, Is.EqualTo(AlertSeverity.Info));
            Assert.That(finding.Summary, Does.StartWith("Lea carries both"));
        });
    }

    [Test]
    public void Evaluate_DistinctManagerAndOwner_NoCombinedRole()
    {
        var history = TeamHistory.Delivering().WithActiveOwner();

        Assert.That(Finding(history, AlertRule.CombinedRole).Outcome, Is.EqualTo(FindingOutcome.Clear));
    }
}
