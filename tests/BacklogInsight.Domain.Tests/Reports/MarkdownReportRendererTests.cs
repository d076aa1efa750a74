using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Domain.Tests.Reports;

public sealed class MarkdownReportRendererTests
{
    private static MarkdownReportRenderer CreateSut() => new();

    [Test]
    public void Render_NormalWeek_ShowsBalanceTrendPeopleCoverageAndNotables()
    {
        var report = Reporting.Team(new TeamWeeklyInputBuilder().WithNotable(Reporting.Notable()));

        var md = CreateSut().Render(report);

        Assert.Multiple(() =>
        {
            Assert.That(md, Does.StartWith("# Payments — week 2026-W47"));
            Assert.That(md, Does.Contain("Mon 16 Nov 2026 – Sun 22 Nov 2026 (Europe/Berlin)"));
            Assert.That(md, Does.Contain("Balance (strategic ÷ product work): **44%**"));
            Assert.That(md, Does.Contain("change −6 pts; trend steady"));
            Assert.That(md, Does.Contain("| 2026-W39 | 3 | 3 | 20 | 1 | 50% | steady |"));
            Assert.That(md, Does.Contain("| Max Planck | PM-like | 4 | 1 | 0 | 0 | 100% | 20% |"));
            Assert.That(md, Does.Contain("| Olga Owner | PO-like |"));
            Assert.That(md, Does.Contain("Owner (tactical) work: Olga Owner (4, last 2026-11-19 09:00), Max Planck (1, last 2026-11-16 20:00)"));
            Assert.That(md, Does.Contain("| 2026-11-17 15:00 | Accepted | [PAY-101 Refund by card](<https://acme.atlassian.net/browse/PAY-101>) | Olga Owner |"));
            Assert.That(md, Does.Not.Contain("No activity this week."));
        });
    }

    [Test]
    public void Render_WeekWithNoActivity_SaysSo()
    {
        var md = CreateSut().Render(Reporting.Team(new TeamWeeklyInputBuilder().WithNoActivityThisWeek()));

        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("> No activity this week."));
            Assert.That(md, Does.Contain("Balance (strategic ÷ product work): **insufficient data**"));
            Assert.That(md, Does.Contain("Nobody was active on the backlog this week."));
            Assert.That(md, Does.Contain("Owner (tactical) work: nobody"));
            Assert.That(md, Does.Contain("None this week."));
        });
    }

    [Test]
    public void Render_TeamCreatedMidWeek_SaysTheWeekIsPartial()
    {
        var input = new TeamWeeklyInputBuilder().WithNoHistory().WithCreatedAt(new DateTimeOffset(2026, 11, 18, 13, 0, 0, TimeSpan.Zero));

        var md = CreateSut().Render(Reporting.Team(input));

        Assert.That(md, Does.Contain("> Team created Wed 18 Nov 2026: this week is partial."));
    }

    [Test]
    public void Render_OrganisationWithAPersonInTwoTeams_ListsThemInBothTeamSections()
    {
        var report = Reporting.PersonInTwoTeams();

        var md = CreateSut().Render(report);

        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("## Alpha — week 2026-W47"));
            Assert.That(md, Does.Contain("## Beta — week 2026-W47"));
            Assert.That(md, Does.Contain("| Sam Both | PM-like |"));
            Assert.That(md, Does.Contain("| Sam Both | PO-like |"));
        });
    }

    [Test]
    public void Render_NamesWithPipesAndMarkup_AreEscapedSoTablesKeepTheirColumns()
    {
        var report = Reporting.Organisation(new TeamWeeklyInputBuilder().WithName("Web | App")
            .WithPeople(TeamWeeklyInputBuilder.Person("x", "Ann|Bee *bold* <b>", tactical: 3, delivery: 5))
            .WithNotable(Reporting.Notable(title: "Fix [link](javascript:alert(1)) | now\nplease", url: "javascript:alert(1)")));

        var md = CreateSut().Render(report);
        var rows = md.Split('\n').Where(l => l.StartsWith("| Ann", StringComparison.Ordinal) || l.Contains("PAY-101", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(md, Does.Contain("| Web \\| App |"));
            Assert.That(md, Does.Contain("Ann\\|Bee \\*bold\\* \\<b\\>"));
            Assert.That(md, Does.Contain("Fix \\[link\\](javascript:alert(1)) \\| now please"));
            Assert.That(md, Does.Not.Contain("](<javascript"));
            Assert.That(rows, Has.Count.EqualTo(2));
            Assert.That(rows.Select(UnescapedPipes), Is.EqualTo(new[] { 9, 6 }));
        });
    }

    [TestCase("a|b", "a\\|b")]
    [TestCase("line\r\nbreak", "line  break")]
    [TestCase("_x_ `y` #z", "\\_x\\_ \\`y\\` \\#z")]
    [TestCase(null, "")]
    public void Escape_Text_IsLiteralMarkdown(string? text, string expected)
    {
        Assert.That(MarkdownReportRenderer.Escape(text), Is.EqualTo(expected));
    }

    private static int UnescapedPipes(string line) => line.Where((c, i) => c == '|' && (i == 0 || line[i - 1] != '\\')).Count();
}
