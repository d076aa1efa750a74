using BacklogInsight.Sources.Jira;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>The single-issue read behind push refresh and the id listing behind the deletion sweep, as the Jira contract describes them.</summary>
public sealed class JiraOnDemandTests : JiraFixtureBase
{
    protected override void Configure(JiraOptions options) => options.SweepPageSize = 2;

    [Test]
    public async Task ListLiveIds_Cloud_AsksForIdsOnlyOverTheWholeScopeAndFollowsTheToken()
    {
        Server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost()).AtPriority(10)
            .RespondWith(Json("""{ "issues": [ { "id": "10231", "key": "PAY-412" }, { "id": "10236", "key": "PAY-415" } ], "nextPageToken": "t2", "isLast": false }"""));
        Server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost().WithBody(new WireMock.Matchers.JsonPartialMatcher("""{ "nextPageToken": "t2" }""")))
            .AtPriority(1)
            .RespondWith(Json("""{ "issues": [ { "id": "10198", "key": "OPS-7" } ], "isLast": true }"""));

        var pages = await ListAsync((IDeletionSweepSource)CreateSource());

        var bodies = Jira.Requests("/search/jql").Select(JiraFake.Body).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pages.SelectMany(p => p.Items), Is.EqualTo(new[]
            {
                new LiveWorkItem("10231", "PAY-412"), new LiveWorkItem("10236", "PAY-415"), new LiveWorkItem("10198", "OPS-7"),
            }));
            Assert.That(pages.Sum(p => p.Requests), Is.EqualTo(2));
            Assert.That(bodies[0]["jql"]!.GetValue<string>(), Is.EqualTo("project in (\"PAY\") ORDER BY created ASC, key ASC"), "no updated bound");
            Assert.That(bodies[0]["fields"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "id", "key" }));
            Assert.That(bodies[0]["expand"], Is.Null, "no changelog");
            Assert.That(bodies[0]["maxResults"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ListLiveIds_DataCenter_PagesByStartAtAndAdvancesByWhatCameBack()
    {
        Server.Given(Request.Create().WithPath("/rest/api/2/search").UsingPost()).AtPriority(10)
            .RespondWith(Json("""{ "startAt": 0, "maxResults": 2, "total": 3, "issues": [ { "id": "1", "key": "PAY-1" }, { "id": "2", "key": "PAY-2" } ] }"""));
        Server.Given(Request.Create().WithPath("/rest/api/2/search").UsingPost().WithBody(new WireMock.Matchers.JsonPartialMatcher("""{ "startAt": 1 }""")))
            .AtPriority(1)
            .RespondWith(Json("""{ "startAt": 1, "maxResults": 2, "total": 3, "issues": [ { "id": "2", "key": "PAY-2" }, { "id": "3", "key": "PAY-3" } ] }"""));
        var source = (IDeletionSweepSource)CreateSource("""{"deployment":"datacenter","projects":["PAY"]}""");

        var pages = await ListAsync(source);

        Assert.That(pages.SelectMany(p => p.Items).Select(i => i.SourceId).Distinct(), Is.EqualTo(new[] { "1", "2", "3" }),
            "Data Center re-reads one issue of the previous page (DataCenterPageOverlap) so a shift while paging skips nothing");
    }

    [Test]
    public async Task ReadItem_ExistingIssue_ReadsItWithItsWholeChangelogAndComments()
    {
        Jira.Fields();
        Jira.Boards();
        Jira.Pay412Changelog(100);
        Jira.Comments();
        var issue = JiraPayloads.Node("search-jql-page1.json")["issues"]![0]!.ToJsonString();
        Jira.Json("/rest/api/3/issue/10231", issue);

        var read = await ((ISingleItemSource)CreateSource()).ReadItemAsync("10231", CancellationToken.None);

        var request = Jira.Requests("/rest/api/3/issue/10231").Single().RequestMessage;
        Assert.Multiple(() =>
        {
            Assert.That(read.Change, Is.Not.Null);
            Assert.That(read.Change!.Item.Key, Is.EqualTo("PAY-412"));
            Assert.That(read.Change.Activities.Count(a => a.SourceKey.StartsWith('h')), Is.GreaterThanOrEqualTo(46), "every history, past the inline ones");
            Assert.That(read.Change.Activities.Count(a => a.Kind == Domain.Model.ActivityKind.Commented), Is.GreaterThan(0));
            Assert.That(request.Query!["expand"], Is.EqualTo(new[] { "changelog" }));
            Assert.That(request.Query["fields"].Single(), Does.Contain("summary").And.Contain("customfield_10020"));
            Assert.That(read.Requests, Is.GreaterThanOrEqualTo(3));
        });
    }

    [Test]
    public async Task ReadItem_Answers404_IsGone()
    {
        Jira.Fields();
        Jira.Json("/rest/api/3/issue/10999", """{ "errorMessages": ["Issue does not exist or you do not have permission to see it."], "errors": {} }""", status: 404);

        var read = await ((ISingleItemSource)CreateSource()).ReadItemAsync("10999", CancellationToken.None);

        Assert.That(read.Change, Is.Null);
    }

    [Test]
    public async Task ReadItem_IssueOfAnotherProject_IsOutsideTheScopeSoGone()
    {
        Jira.Fields();
        var issue = JiraPayloads.Node("search-jql-page1.json")["issues"]![0]!;
        issue["fields"]!["project"]!["key"] = "OPS";
        Jira.Json("/rest/api/3/issue/10231", issue.ToJsonString());

        var read = await ((ISingleItemSource)CreateSource()).ReadItemAsync("10231", CancellationToken.None);

        Assert.That(read.Change, Is.Null);
    }

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private static async Task<List<LiveItemPage>> ListAsync(IDeletionSweepSource source)
    {
        var pages = new List<LiveItemPage>();
        await foreach (var page in source.ListLiveIdsAsync(CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }
}
