using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Domain.Tests.Reports;

public sealed class CsvReportRendererTests
{
    private static CsvReportRenderer CreateSut() => new();

    private static string[] Lines(string csv) => csv.Split("\r\n")[..^1];

    [TestCase("plain", "plain")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("two\nlines", "\"two\nlines\"")]
    [TestCase("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [TestCase("+1", "'+1")]
    [TestCase("-2+3", "'-2+3")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tcmd", "'\tcmd")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Field_Text_IsQuotedAndDefused(string? text, string expected)
    {
        Assert.That(CsvReportRenderer.Field(text), Is.EqualTo(expected));
    }

    [Test]
    public void Render_Team_OneRowPerTrendWeekAndClassWithCrlf()
    {
        var csv = CreateSut().Render(Reporting.Team(new TeamWeeklyInputBuilder()));
        var lines = Lines(csv);

        Assert.Multiple(() =>
        {
            Assert.That(csv, Does.EndWith("\r\n"));
            Assert.That(lines[0], Is.EqualTo("team_id,team_name,week,week_start,class,count,balance,previous_mean,delta,trend"));
            Assert.That(lines, Has.Length.EqualTo(1 + (9 * 4)));
            Assert.That(lines[^4], Is.EqualTo("board-1,Payments,2026-W47,2026-11-16,strategic,4,0.4444,0.5,-0.0556,steady"));
            Assert.That(lines[^1], Does.StartWith("board-1,Payments,2026-W47,2026-11-16,other,2,"));
        });
    }

    [Test]
    public void Render_WeekWithNoActivity_KeepsTheWeekWithZeroCountsAndEmptyBalance()
    {
        var lines = Lines(CreateSut().Render(Reporting.Team(new TeamWeeklyInputBuilder().WithNoActivityThisWeek())));

        Assert.That(lines[^1], Is.EqualTo("board-1,Payments,2026-W47,2026-11-16,other,0,,0.5,,insufficient-data"));
    }

    [Test]
    public void Render_HostileTeamName_IsQuotedAndDefusedOnEveryRow()
    {
        var csv = CreateSut().Render(Reporting.Organisation(new TeamWeeklyInputBuilder().WithName("=cmd|' /C calc'!A0, \"x\"")));

        Assert.That(Lines(csv).Skip(1), Is.All.StartsWith("board-1,\"'=cmd|' /C calc'!A0, \"\"x\"\"\",2026-W"));
    }

    [Test]
    public void RenderPeople_PersonInTwoTeams_HasARowInEach()
    {
        var report = Reporting.PersonInTwoTeams();

        var lines = Lines(CreateSut().RenderPeople(report));

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("team_id,team_name,week,person_id,person_name,inferred_role,strategic,tactical,delivery,other,volume,share_of_team_strategic,share_of_team_tactical"));
            Assert.That(lines.Skip(1), Is.EquivalentTo(new[]
            {
                "a,Alpha,2026-W47,sam,Sam Both,pm-like,5,1,0,0,6,1,1",
                "b,Beta,2026-W47,sam,Sam Both,po-like,0,6,0,0,6,,1",
            }));
        });
    }

    [Test]
    public void RenderPeople_WeekWithNoActivity_IsTheHeaderOnly()
    {
        var lines = Lines(CreateSut().RenderPeople(Reporting.Team(new TeamWeeklyInputBuilder().WithNoActivityThisWeek())));

        Assert.That(lines, Has.Length.EqualTo(1));
    }
}
