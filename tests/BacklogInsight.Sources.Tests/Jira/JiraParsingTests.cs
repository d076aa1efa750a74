using System.Text.Json;
using BacklogInsight.Sources.Jira;

namespace BacklogInsight.Sources.Tests.Jira;

public sealed class JiraParsingTests
{
    [Test]
    public void ParseLegacy_SprintStringWithCommaInName_ReadsEveryKnownKey()
    {
        const string text = "com.atlassian.greenhopper.service.sprint.Sprint@4263b21c[id=444,rapidViewId=158,state=ACTIVE,"
            + "name=Shredders Sprint 5, the big one,startDate=2018-04-30T00:01:00.000-07:00,endDate=2018-05-14T00:01:00.000-07:00,"
            + "completeDate=<null>,sequence=444,goal=]";

        var sprint = JiraSprintFieldParser.ParseLegacy(text)!;

        Assert.Multiple(() =>
        {
            Assert.That(sprint.Id, Is.EqualTo(444));
            Assert.That(sprint.BoardId, Is.EqualTo(158));
            Assert.That(sprint.State, Is.EqualTo("active"));
            Assert.That(sprint.Name, Is.EqualTo("Shredders Sprint 5, the big one"));
            Assert.That(sprint.StartDate, Is.EqualTo(new DateTimeOffset(2018, 4, 30, 7, 1, 0, TimeSpan.Zero)));
            Assert.That(sprint.CompleteDate, Is.Null);
        });
    }

    [Test]
    public void Current_ClosedAndActiveSprints_IsTheActiveOne()
    {
        using var field = JsonDocument.Parse("""
            [ { "id": 41, "name": "S14", "state": "closed", "boardId": 7 }, { "id": 42, "name": "S15", "state": "active", "boardId": 7 } ]
            """);

        var current = JiraSprintFieldParser.Current(JiraSprintFieldParser.Parse(field.RootElement, JsonSerializerOptions.Web));

        Assert.That(current?.Id, Is.EqualTo(42));
    }

    [Test]
    public void Search_ValuesWithQuotesAndBackslashes_AreQuotedNotPasted()
    {
        var settings = JiraConnectionSettings.Parse("""{"projects":["PAY"],"labels":["a\" OR project = \"SECRET","x\\y"]}""");

        var jql = JiraJql.Search(settings, null, TimeZoneInfo.Utc);

        Assert.That(jql, Is.EqualTo("project in (\"PAY\") AND labels in (\"a\\\" OR project = \\\"SECRET\", \"x\\\\y\") ORDER BY updated ASC, key ASC"));
    }

    [Test]
    public void Search_NoScopeAndNoCheckpoint_IsStillBounded()
    {
        var jql = JiraJql.Search(JiraConnectionSettings.Parse("{}"), null, TimeZoneInfo.Utc);

        Assert.That(jql, Is.EqualTo("created >= \"1970/01/01 00:00\" ORDER BY updated ASC, key ASC"));
    }

    [TestCase("America/Los_Angeles", "2024/07/01 02:50")]
    [TestCase("Asia/Kolkata", "2024/07/01 15:20")]
    public void FormatDate_Instant_IsWrittenInTheUsersZone(string zone, string expected)
    {
        var instant = new DateTimeOffset(2024, 7, 1, 9, 50, 59, TimeSpan.Zero);

        Assert.That(JiraJql.FormatDate(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_UnknownDeployment_SaysWhatIsAllowed()
    {
        var error = Assert.Throws<FormatException>(() => JiraConnectionSettings.Parse("""{"deployment":"onprem"}"""));

        Assert.That(error!.Message, Does.Contain("\"cloud\" or \"datacenter\""));
    }
}
