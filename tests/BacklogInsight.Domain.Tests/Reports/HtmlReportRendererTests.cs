using System.Text.RegularExpressions;
using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Domain.Tests.Reports;

public sealed class HtmlReportRendererTests
{
    private const string Hostile = "<script>alert('x')</script>";

    private static HtmlReportRenderer CreateSut() => new();

    [Test]
    public void Render_NormalWeek_IsOneSelfContainedPrintableDocumentWithBothCharts()
    {
        var html = CreateSut().Render(Reporting.Team(new TeamWeeklyInputBuilder().WithNotable(Reporting.Notable())));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<style>").And.Contain("@media print"));
            Assert.That(Regex.Count(html, "<svg "), Is.EqualTo(2));
            Assert.That(Regex.Count(html, "<rect "), Is.EqualTo(9 * 4));
            Assert.That(html, Does.Contain("<polyline "));
            Assert.That(html, Does.Contain("<h1>Payments — week 2026-W47</h1>"));
            Assert.That(html, Does.Contain("<td>Max Planck</td><td>PM-like</td>"));
            Assert.That(html, Does.Contain("<a href=\"https://acme.atlassian.net/browse/PAY-101\" rel=\"noopener noreferrer\">PAY-101 Refund by card</a>"));
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("src=").And.Not.Contain("<link").And.Not.Contain("url(").And.Not.Contain("@import"));
        });
    }

    [Test]
    public void Render_HostileNamesAndLinks_AreEncodedAndNotLinked()
    {
        var report = Reporting.Organisation(new TeamWeeklyInputBuilder().WithName(Hostile)
            .WithPeople(TeamWeeklyInputBuilder.Person("x", $"Eve {Hostile}", tactical: 3, delivery: 5))
            .WithNotable(Reporting.Notable(key: Hostile, title: "\"><img onerror=alert(1)>", url: "javascript:alert(1)", actor: Hostile, description: Hostile))
            .WithAlerts(new ReportAlert(Hostile, ReportAlertSeverity.Critical, Reporting.Monday)));

        var html = CreateSut().Render(report);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Not.Contain("<img"));
            Assert.That(html, Does.Not.Contain("javascript:"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
            Assert.That(html, Does.Contain("<h2>&lt;script&gt;"));
            Assert.That(html, Does.Contain("Eve &lt;script&gt;"));
        });
    }

    [Test]
    public void Render_WeekWithNoActivity_SaysSoAndDrawsNoBarsForIt()
    {
        var html = CreateSut().Render(Reporting.Team(new TeamWeeklyInputBuilder().WithNoActivityThisWeek()));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<p class=\"notice\">No activity this week.</p>"));
            Assert.That(html, Does.Contain("Nobody was active on the backlog this week."));
            Assert.That(Regex.Count(html, "<rect "), Is.EqualTo(8 * 4));
            Assert.That(html, Does.Not.Contain("2026-W47: "));
        });
    }

    [Test]
    public void Render_TeamCreatedMidWeek_SaysTheWeekIsPartialAndChartsOneWeek()
    {
        var input = new TeamWeeklyInputBuilder().WithNoHistory().WithCreatedAt(new DateTimeOffset(2026, 11, 18, 13, 0, 0, TimeSpan.Zero));

        var html = CreateSut().Render(Reporting.Team(input));

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Team created Wed 18 Nov 2026: this week is partial."));
            Assert.That(Regex.Count(html, ">W\\d\\d</text>"), Is.EqualTo(2));
            Assert.That(html, Does.Contain("<circle "));
        });
    }

    [Test]
    public void Render_OrganisationWithAPersonInTwoTeams_ShowsThemInBothTeams()
    {
        var report = Reporting.PersonInTwoTeams();

        var html = CreateSut().Render(report);

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(html, "<section class=\"team\">"), Is.EqualTo(2));
            Assert.That(html, Does.Contain("<td>Sam Both</td><td>PM-like</td>"));
            Assert.That(html, Does.Contain("<td>Sam Both</td><td>PO-like</td>"));
        });
    }
}
