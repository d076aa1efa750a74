using System.Text.Json;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Domain.Tests.Reports;

public sealed class WeeklyReportBuilderTests
{
    [Test]
    public void BuildTeam_NormalWeek_HasNineWeekTrendPeopleCoverageAndLocalTimes()
    {
        var report = Reporting.Team(new TeamWeeklyInputBuilder()
            .WithNotable(Reporting.Notable(hoursAfterMonday: 50))
            .WithNotable(Reporting.Notable(NotableActivityKind.EpicCreated, hoursAfterMonday: 2)));

        Assert.Multiple(() =>
        {
            Assert.That(report.Trend.Select(w => w.Week), Is.EqualTo(IsoWeek.Range(Reporting.Week.AddWeeks(-8), Reporting.Week)));
            Assert.That(report.Balance, Is.SameAs(report.Trend[^1]));
            Assert.That(report.Balance.Balance, Is.EqualTo(4.0 / 9).Within(1e-9));
            Assert.That(report.Balance.Comparison.WeeksWithData, Is.EqualTo(8));
            Assert.That(report.People.Select(p => (p.PersonSourceId, p.Role)), Is.EqualTo(new[]
            {
                ("pm", InferredRole.ProductManagerLike), ("po", InferredRole.ProductOwnerLike), ("dev", InferredRole.Contributor),
            }));
            Assert.That(report.Coverage.DeFactoOwner?.PersonSourceId, Is.EqualTo("po"));
            Assert.That(report.Notable.Select(n => n.Kind), Is.EqualTo(new[] { NotableActivityKind.EpicCreated, NotableActivityKind.ItemAccepted }));
            Assert.That(report.Notable[0].OccurredAt.Offset, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(report.WeekStart, Is.EqualTo(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(1))));
            Assert.That(report.WeekEnd, Is.EqualTo(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(1))));
            Assert.That(report.TimeZoneId, Is.EqualTo("Europe/Berlin"));
            Assert.That(report.ReportVersion, Is.EqualTo(ReportVersion.Current));
            Assert.That(report.Attention, Is.Empty);
            Assert.That(report.Alerts, Is.Null);
        });
    }

    [Test]
    public void BuildTeam_WeekWithNoActivity_HasNoBalanceAndNobodyButKeepsHistory()
    {
        var report = Reporting.Team(new TeamWeeklyInputBuilder().WithNoActivityThisWeek());

        Assert.Multiple(() =>
        {
            Assert.That(report.HasActivity, Is.False);
            Assert.That(report.Balance.Balance, Is.Null);
            Assert.That(report.Balance.Comparison.Trend, Is.EqualTo(BalanceTrend.InsufficientData));
            Assert.That(report.Balance.Comparison.PreviousMean, Is.EqualTo(0.5).Within(1e-9));
            Assert.That(report.People, Is.Empty);
            Assert.That(report.Attention, Is.Empty);
        });
    }

    [Test]
    public void BuildTeam_TeamCreatedMidWeek_IsMarkedPartialWithATrendOfThisWeekOnly()
    {
        // Wednesday 2026-11-18 14:00 Berlin.
        var report = Reporting.Team(new TeamWeeklyInputBuilder().WithNoHistory().WithCreatedAt(new DateTimeOffset(2026, 11, 18, 13, 0, 0, TimeSpan.Zero)));

        Assert.Multiple(() =>
        {
            Assert.That(report.CreatedThisWeek, Is.True);
            Assert.That(report.Trend.Select(w => w.Week), Is.EqualTo(new[] { Reporting.Week }));
            Assert.That(report.Team.CreatedAt?.Offset, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(report.Balance.Comparison, Is.EqualTo(BalanceComparison.None));
        });
    }

    [Test]
    public void BuildTeam_TeamCreatedThreeWeeksAgo_TrendStartsInTheWeekItWasCreated()
    {
        var report = Reporting.Team(new TeamWeeklyInputBuilder().WithCreatedAt(Reporting.Monday.AddDays(-20)));

        Assert.Multiple(() =>
        {
            Assert.That(report.CreatedThisWeek, Is.False);
            Assert.That(report.Trend[0].Week, Is.EqualTo(Reporting.Week.AddWeeks(-3)));
        });
    }

    [Test]
    public void BuildTeam_LastSundayNightUtcIsMondayInBerlin_NotableCountsInTheLocalWeek()
    {
        var report = Reporting.Team(new TeamWeeklyInputBuilder().WithNotable(Reporting.Notable(hoursAfterMonday: -8)));

        Assert.That(report.Notable[0].OccurredAt, Is.EqualTo(new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.FromHours(1))));
    }

    [Test]
    public void BuildTeam_Alerts_MostSevereFirst()
    {
        var report = Reporting.Team(new TeamWeeklyInputBuilder().WithAlerts(
            new ReportAlert("Sync stale", ReportAlertSeverity.Information, Reporting.Monday),
            new ReportAlert("Team lacks an owner", ReportAlertSeverity.Critical, Reporting.Monday.AddDays(-10))));

        Assert.That(report.Alerts?.Select(a => a.Severity), Is.EqualTo(new[] { ReportAlertSeverity.Critical, ReportAlertSeverity.Information }));
    }

    [Test]
    public void BuildOrganisation_PersonInTwoTeams_AppearsInBothTeamsWithARolePerTeam()
    {
        var report = Reporting.PersonInTwoTeams();

        var roles = report.Teams.Select(t => (t.Team.SourceId, t.People.Single(p => p.PersonSourceId == "sam").Role));
        Assert.That(roles, Is.EquivalentTo(new[] { ("a", InferredRole.ProductManagerLike), ("b", InferredRole.ProductOwnerLike) }));
    }

    [Test]
    public void BuildOrganisation_Teams_NeedingAttentionFirstMostUrgentFirstThenTotals()
    {
        var report = Reporting.Organisation(
            new TeamWeeklyInputBuilder().WithId("fine").WithName("Aardvark"),
            new TeamWeeklyInputBuilder().WithId("falling").WithName("Falling").WithWeek(0, strategic: 1, tactical: 9, delivery: 20),
            new TeamWeeklyInputBuilder().WithId("no-owner").WithName("Zebra").WithWeek(0, strategic: 2, delivery: 30),
            new TeamWeeklyInputBuilder().WithId("quiet").WithName("Beaver").WithNoActivityThisWeek());

        Assert.Multiple(() =>
        {
            Assert.That(report.Rows.Select(r => r.TeamSourceId), Is.EqualTo(new[] { "no-owner", "falling", "fine", "quiet" }));
            Assert.That(report.Teams.Select(t => t.Team.SourceId), Is.EqualTo(report.Rows.Select(r => r.TeamSourceId)));
            Assert.That(report.TeamsNeedingAttention, Is.EqualTo(2));
            Assert.That(report.Totals, Is.EqualTo(new ClassCounts(7, 14, 75, 2)));
            Assert.That(report.Balance, Is.EqualTo(7.0 / 21).Within(1e-9));
            Assert.That(report.Rows[0].DeFactoOwner, Is.EqualTo("Olga Owner"));
        });
    }

    [Test]
    public void BuildOrganisation_NoTeams_IsAnEmptyReport()
    {
        var report = Reporting.Organisation();

        Assert.Multiple(() =>
        {
            Assert.That(report.Rows, Is.Empty);
            Assert.That(report.Totals, Is.EqualTo(ClassCounts.Empty));
            Assert.That(report.Balance, Is.Null);
        });
    }

    [Test]
    public void Serialize_OrganisationReport_WritesPublicPropertiesAsJson()
    {
        var report = Reporting.Organisation(new TeamWeeklyInputBuilder().WithNotable(Reporting.Notable()));

        var json = JsonSerializer.Serialize(report, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<OrganisationWeeklyReport>(json, JsonSerializerOptions.Web);

        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"reportVersion\":\"1.0\""));
            Assert.That(json, Does.Contain("\"balance\":0.444"));
            Assert.That(back?.Teams[0].Notable[0], Is.EqualTo(report.Teams[0].Notable[0]));
            Assert.That(back?.Teams[0].Balance.Counts, Is.EqualTo(report.Teams[0].Balance.Counts));
            Assert.That(back?.Week, Is.EqualTo(report.Week));
            Assert.That(json, Does.Contain("\"week\":\"2026-W47\""));
        });
    }
}
