using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BacklogInsight.Sources.Tests.Jira;

public sealed class JiraDataCenterSourceTests : JiraFixtureBase
{
    private const string Settings = """{"deployment":"datacenter","projects":["PAY"]}""";

    protected override void Configure(JiraOptions options)
    {
        options.SearchPageSize = 2;
        options.DataCenterPageOverlap = 0;
    }

    protected override void Arrange()
    {
        Jira.Myself("Europe/Berlin", api: "2");
        Jira.Fields("dc-fields.json", api: "2");
        Jira.Comments(api: "2");
        Search(startAt: 0, "dc-search-page1.json");
        Search(startAt: 2, "dc-search-page2.json");
    }

    private void Search(int startAt, string file) =>
        Server.Given(Request.Create().WithPath("/rest/api/2/search").UsingPost()
                .WithBody(new JsonPartialMatcher($$"""{ "startAt": {{startAt}} }""")))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JiraPayloads.Read(file)));

    private IBacklogSource CreateSut() => JiraTestHost.Source(Services, JiraTestHost.Connection(Server.Urls[0], Settings));

    [Test]
    public async Task ReadChangesAsync_DataCenter_PagesByStartAtWithBearerToken()
    {
        var pages = await JiraTestHost.ReadAllAsync(CreateSut());

        var searches = Jira.Requests("/rest/api/2/search");
        Assert.Multiple(() =>
        {
            Assert.That(searches.Select(s => JiraFake.Body(s)["startAt"]!.GetValue<int>()), Is.EquivalentTo(new[] { 0, 2 }));
            Assert.That(searches.Select(s => JiraFake.Body(s)["expand"]![0]!.GetValue<string>()), Is.All.EqualTo("changelog"));
            Assert.That(Server.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].Single()), Is.All.EqualTo("Bearer " + FakeConnectionSecrets.Token));
            Assert.That(pages.SelectMany(p => p.Changes).Select(c => c.Item.Key), Is.EqualTo(new[] { "PAY-412", "PAY-413", "PAY-414" }));
            Assert.That(Jira.Requests("/search/jql"), Is.Empty);
        });
    }

    [Test]
    public async Task ReadChangesAsync_DataCenter_ReadsLegacySprintStringsWikiCommentsAndItemsWithoutFieldIds()
    {
        var change = (await JiraTestHost.ReadAllAsync(CreateSut()))[0].Changes[0];

        var activities = change.Activities.ToDictionary(a => a.SourceKey);
        Assert.Multiple(() =>
        {
            Assert.That(change.Item.SprintSourceId, Is.EqualTo("42"));
            Assert.That(change.Item.TeamSourceId, Is.EqualTo("7"), "rapidViewId of the current sprint");
            Assert.That(change.Item.AssigneeSourceId, Is.EqualTo("JIRAUSERravi"), "the stable user key, not the login");
            Assert.That(change.Item.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 9, 31, 7, 554, TimeSpan.Zero)));
            Assert.That(activities["h70001-0"].Field, Is.EqualTo(CanonicalField.Rank), "localized 'Rang' found by the site's field names");
            Assert.That(activities["h70001-1"].Field, Is.EqualTo(CanonicalField.Sprint));
            Assert.That(activities["h70001-2"].Kind, Is.EqualTo(ActivityKind.Transitioned));
            Assert.That(activities["c30001"].Text, Is.EqualTo("Update\nBlocked on @dana, see the PR\n\nstack trace"));
            Assert.That(Jira.Requests("/comment"), Is.Empty, "embedded comments were complete");
        });
    }
}
