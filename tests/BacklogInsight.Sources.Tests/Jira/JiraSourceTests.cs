using System.Text;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BacklogInsight.Sources.Tests.Jira;

public sealed class JiraSourceTests : JiraFixtureBase
{
    protected override void Configure(JiraOptions options)
    {
        options.ChangelogPageSize = 5;
    }

    private (IBacklogSource Source, Connection Connection) CreateSut(string settings = JiraTestHost.CloudSettings)
    {
        var connection = JiraTestHost.Connection(Server.Urls[0], settings);
        return (JiraTestHost.Source(Services, connection), connection);
    }

    private static Dictionary<string, WorkItemChange> ByKey(IEnumerable<ChangePage> pages) =>
        pages.SelectMany(p => p.Changes).ToDictionary(c => c.Item.Key);

    [Test]
    public async Task ReadChangesAsync_FirstRun_FollowsNextPageTokenWithBoundedOrderedJqlAndBasicAuth()
    {
        Jira.CloudSite();
        var (sut, _) = CreateSut();

        var pages = await JiraTestHost.ReadAllAsync(sut);

        var searches = Jira.Requests("/rest/api/3/search/jql");
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("dana@acme-demo.example:" + FakeConnectionSecrets.Token));
        Assert.Multiple(() =>
        {
            Assert.That(pages, Has.Count.EqualTo(2));
            Assert.That(searches, Has.Count.EqualTo(2));
            Assert.That(JiraFake.Body(searches[0])["jql"]!.GetValue<string>(), Is.EqualTo("project in (\"PAY\") ORDER BY updated ASC, key ASC"));
            Assert.That(JiraFake.Body(searches[0])["nextPageToken"], Is.Null);
            Assert.That(JiraFake.Body(searches[0])["expand"]!.GetValue<string>(), Is.EqualTo("changelog"));
            Assert.That(JiraFake.Body(searches[0])["fields"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("customfield_10020").And.Contain("updated"));
            Assert.That(JiraFake.Body(searches[1])["nextPageToken"]!.GetValue<string>(), Is.EqualTo(JiraFake.Page1Token));
            Assert.That(Server.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].Single()), Is.All.EqualTo(expectedAuth));
            Assert.That(pages.SelectMany(p => p.Changes).Select(c => c.Item.Key), Is.EqualTo(new[] { "PAY-412", "PAY-415", "PAY-398", "PAY-420" }));
        });
    }

    [Test]
    public async Task ReadChangesAsync_TruncatedChangelog_PagesTheChangelogUntilEveryHistoryIsKnown()
    {
        Jira.CloudSite(changelogPageSize: 5);
        var (sut, _) = CreateSut();

        var pay412 = ByKey(await JiraTestHost.ReadAllAsync(sut))["PAY-412"];

        var histories = pay412.Activities.Where(a => a.SourceKey.StartsWith('h')).Select(a => a.SourceKey.Split('-')[0]).Distinct();
        var changelogRequests = Jira.Requests("/issue/PAY-412/changelog");
        Assert.Multiple(() =>
        {
            // 46 histories; the Epic Link echo of the IssueParentAssociation change (56202) counts once, as 56201.
            Assert.That(histories.Count(), Is.EqualTo(45));
            Assert.That(pay412.Activities.Select(a => a.SourceKey), Does.Contain("h56201-0").And.Not.Contain("h56202-0").And.Contain("h58112-0"));
            // 3 embedded + 5 per page: startAt 0..40 are needed, the rest is already known.
            Assert.That(changelogRequests.Select(r => r.RequestMessage.Query!["startAt"].Single()).ToList(), Is.EquivalentTo(new[] { "0", "5", "10", "15", "20", "25", "30", "35", "40" }));
            Assert.That(changelogRequests.Select(r => r.RequestMessage.Query!["maxResults"].Single()), Is.All.EqualTo("5"));
            Assert.That(pay412.Activities, Is.Unique);
        });
    }

    [Test]
    public async Task ReadChangesAsync_Pay412_MapsItemActivitiesAndAdfComments()
    {
        Jira.CloudSite();
        var (sut, connection) = CreateSut();

        var changes = ByKey(await JiraTestHost.ReadAllAsync(sut));

        var item = changes["PAY-412"].Item;
        var activities = changes["PAY-412"].Activities.ToDictionary(a => a.SourceKey);
        Assert.Multiple(() =>
        {
            Assert.That(item.SourceId, Is.EqualTo("10231"));
            Assert.That(item.ConnectionId, Is.EqualTo(connection.Id));
            Assert.That(item.Type, Is.EqualTo("Story"));
            Assert.That(item.Status, Is.EqualTo("In Review"));
            Assert.That(item.StatusCategory, Is.EqualTo(StatusCategory.InProgress));
            Assert.That(item.AssigneeSourceId, Is.EqualTo("712020:8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f"));
            Assert.That(item.ReporterSourceId, Is.EqualTo("5f3c9a7e2b1d4c006f8e1a21"));
            Assert.That(item.ParentSourceId, Is.EqualTo("10198"));
            Assert.That(item.SprintSourceId, Is.EqualTo("42"));
            Assert.That(item.TeamSourceId, Is.EqualTo("7"));
            Assert.That(item.Labels, Is.EqualTo(new[] { "refunds", "q1-commitment" }));
            Assert.That(item.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 9, 31, 7, 554, TimeSpan.Zero)));
            Assert.That(item.Url, Is.EqualTo(Server.Urls[0] + "/browse/PAY-412"));
            Assert.That(activities["cr10231"].Kind, Is.EqualTo(ActivityKind.Created));
            Assert.That(activities["h58112-0"].Kind, Is.EqualTo(ActivityKind.Transitioned));
            Assert.That(activities["h58112-0"].From, Is.EqualTo("In Progress"));
            Assert.That(activities["h58112-0"].To, Is.EqualTo("In Review"));
            Assert.That(activities["h56470-0"].Field, Is.EqualTo(CanonicalField.Sprint));
            Assert.That(activities["h56470-1"].Field, Is.EqualTo(CanonicalField.Rank));
            Assert.That(activities["h56388-0"].Field, Is.EqualTo(CanonicalField.Estimate));
            Assert.That(activities["h56201-0"].Field, Is.EqualTo(CanonicalField.Parent));
            Assert.That(activities["c20417"].Kind, Is.EqualTo(ActivityKind.Commented));
            Assert.That(activities["c20417"].Text, Does.StartWith("@Ravi Menon the sandbox rejects refunds above the captured amount with:\n{\"code\":\"REFUND_EXCEEDS_CAPTURE\"}"));
            Assert.That(activities["c20488"].Text, Is.EqualTo("Fixed, that is the expected error. Ready for review\nPR: #1183"));
            Assert.That(changes.Values.SelectMany(c => c.Activities).Select(a => a.ConnectionId), Is.All.EqualTo(connection.Id));
        });
    }

    [Test]
    public async Task ReadChangesAsync_HierarchyLevels_ComeFromTheIssueType()
    {
        Jira.CloudSite();
        var (sut, _) = CreateSut();

        var changes = ByKey(await JiraTestHost.ReadAllAsync(sut));

        Assert.Multiple(() =>
        {
            Assert.That(changes["PAY-398"].Item.HierarchyLevel, Is.EqualTo(1));
            Assert.That(changes["PAY-420"].Item.HierarchyLevel, Is.EqualTo(-1));
            Assert.That(changes["PAY-420"].Item.ParentSourceId, Is.EqualTo("10231"));
            Assert.That(changes["PAY-415"].Item.StatusCategory, Is.EqualTo(StatusCategory.Done));
            Assert.That(changes["PAY-398"].Item.TeamSourceId, Is.EqualTo("7"), "no sprint: the first board of the project");
        });
    }

    [Test]
    public async Task ReadChangesAsync_SiteWithUnusualCustomFieldIds_ResolvesSprintAndEstimateBySchema()
    {
        Jira.Myself();
        Jira.Fields("fields-custom-ids.json");
        Jira.Json("/rest/api/3/search/jql", JiraPayloads.Read("search-jql-custom-ids.json"), method: "POST");
        Jira.Comments();
        Jira.Boards();
        var (sut, _) = CreateSut();

        var changes = ByKey(await JiraTestHost.ReadAllAsync(sut));

        var fields = JiraFake.Body(Jira.Requests("/search/jql")[0])["fields"]!.AsArray().Select(f => f!.GetValue<string>());
        var activities = changes["PAY-420"].Activities.ToDictionary(a => a.SourceKey);
        Assert.Multiple(() =>
        {
            Assert.That(fields, Does.Contain("customfield_10999").And.Not.Contain("customfield_10020"));
            Assert.That(changes["PAY-420"].Item.SprintSourceId, Is.EqualTo("42"));
            Assert.That(activities["h58200-0"].Field, Is.EqualTo(CanonicalField.Sprint));
            Assert.That(activities["h58200-1"].Field, Is.EqualTo(CanonicalField.Estimate), "jsw-story-points type, whatever its name");
        });
    }

    [Test]
    public async Task ReadChangesAsync_FromCheckpoint_AsksForUpdatedSinceInTheUsersTimeZoneMinusOverlap()
    {
        Jira.Myself("Europe/Berlin");
        Jira.Fields();
        Jira.Json("/rest/api/3/search/jql", """{ "issues": [], "isLast": true }""", method: "POST");
        var (sut, _) = CreateSut();
        var checkpoint = new SyncCheckpoint("""{"v":1,"updated":"2024-01-15T09:31:07.554+00:00","key":"PAY-412","seen":{}}""");

        var pages = await JiraTestHost.ReadAllAsync(sut, checkpoint);

        var jql = JiraFake.Body(Jira.Requests("/search/jql").Single())["jql"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            // 09:31 UTC is 10:31 in Berlin (CET); minus the 10-minute overlap.
            Assert.That(jql, Is.EqualTo("project in (\"PAY\") AND updated >= \"2024/01/15 10:21\" ORDER BY updated ASC, key ASC"));
            Assert.That(pages, Is.Empty);
        });
    }

    [Test]
    public async Task ReadChangesAsync_NothingChangedSinceLastRun_OneSearchRequestAndNoPage()
    {
        Jira.CloudSite();
        var last = (await JiraTestHost.ReadAllAsync(CreateSut().Source))[^1].Checkpoint;
        Server.Reset();
        Jira.Myself();
        Jira.Fields();
        Jira.Json("/rest/api/3/search/jql", JiraPayloads.Read("search-jql-page2.json"), method: "POST");

        var pages = await JiraTestHost.ReadAllAsync(CreateSut().Source, last);

        Assert.Multiple(() =>
        {
            Assert.That(pages, Is.Empty);
            Assert.That(Jira.Requests("/search/jql"), Has.Count.EqualTo(1));
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(3), "myself, field, one search");
        });
    }

    [Test]
    public async Task ReadChangesAsync_ResumedFromFirstPageCheckpoint_MissesNothing()
    {
        Jira.CloudSite();
        var full = await JiraTestHost.ReadAllAsync(CreateSut().Source);

        var resumed = await JiraTestHost.ReadAllAsync(CreateSut().Source, full[0].Checkpoint);

        var stored = full[0].Changes.Concat(resumed.SelectMany(p => p.Changes)).Select(c => c.Item.SourceId);
        Assert.That(stored.Distinct(), Is.EquivalentTo(full.SelectMany(p => p.Changes).Select(c => c.Item.SourceId)));
    }

    [Test]
    public async Task ReadChangesAsync_Checkpoint_CarriesHighWaterMarkAndLastKey()
    {
        Jira.CloudSite();

        var pages = await JiraTestHost.ReadAllAsync(CreateSut().Source);

        Assert.That(pages[^1].Checkpoint.Value, Does.Contain("\"updated\":\"2024-01-15T11:58:09.640+00:00\"").And.Contain("\"key\":\"PAY-420\""));
    }

    [Test]
    public async Task ReadChangesAsync_SecondSearchPageIsMalformed_FailsClearlyAfterYieldingOnlyTheFirstPage()
    {
        Jira.CloudSite(changelogPageSize: 5);
        Server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost()
                .WithBody(new JsonPartialMatcher($$"""{ "nextPageToken": "{{JiraFake.Page1Token}}" }""")))
            .AtPriority(0)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{ "issues": [ { "id": "10198", "key": """));
        var pages = new List<ChangePage>();

        var error = Assert.ThrowsAsync<JiraSourceException>(async () =>
        {
            await foreach (var page in CreateSut().Source.ReadChangesAsync(null, CancellationToken.None))
            {
                pages.Add(page);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("malformed"));
            Assert.That(pages, Has.Count.EqualTo(1));
            Assert.That(pages[0].Changes.Select(c => c.Item.Key), Is.EqualTo(new[] { "PAY-412", "PAY-415" }));
        });
    }
}
