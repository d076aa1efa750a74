using BacklogInsight.Sources.Jira;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>Teams per connection: a team per board by default, or defined by board, project, JQL, component, label or field value.</summary>
public sealed class JiraTeamMappingTests : JiraFixtureBase
{
    protected override void Arrange()
    {
        Jira.CloudSite();
        Jira.Json("/rest/api/3/project/search", JiraPayloads.Read("project-search.json"));
        Jira.Json("/rest/agile/1.0/board/7/sprint", JiraPayloads.Read("board-sprints.json"));
    }

    [Test]
    public async Task ReadChanges_TeamsByComponentFieldLabelAndProject_FirstMatchingRuleWins()
    {
        var source = CreateSource("""
            {"email":"dana@acme-demo.example","projects":["PAY"],"teams":[
              {"name":"Checkout","component":"Checkout API"},
              {"name":"Core","field":"Team","value":"Payments Core"},
              {"name":"Refunds","label":"refunds"},
              {"name":"Rest","project":"PAY"} ]}
            """);

        var teams = await TeamsByIssueAsync(source);

        Assert.Multiple(() =>
        {
            Assert.That(teams, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["10231"] = "team:Checkout",
                ["10198"] = "team:Core",
                ["10236"] = "team:Rest",
                ["10244"] = "team:Rest",
            }));
            var fields = JiraFake.Body(Jira.Requests("/search/jql").First())["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
            Assert.That(fields, Does.Contain("components").And.Contain("customfield_10001"), "the Team field is asked for by this site's id");
        });
    }

    [Test]
    public async Task ReadChanges_TeamByJql_ListsItsIssuesOnceWithinTheScope()
    {
        Server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost().WithBody(new WildcardMatcher("*priority = Highest*")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "issues": [ { "id": "10236", "key": "PAY-415" } ], "isLast": true }"""));
        var source = CreateSource("""{"email":"d@e","projects":["PAY"],"teams":[{"name":"Hot","jql":"priority = Highest ORDER BY rank"},{"name":"Rest","project":"PAY"}]}""");

        var teams = await TeamsByIssueAsync(source);

        var idQueries = Jira.Requests("/search/jql").Select(JiraFake.Body).Where(b => b["expand"] is null).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(teams["10236"], Is.EqualTo("team:Hot"));
            Assert.That(teams["10231"], Is.EqualTo("team:Rest"));
            Assert.That(idQueries, Has.Count.EqualTo(1));
            Assert.That(idQueries[0]["jql"]!.GetValue<string>(), Is.EqualTo("(priority = Highest) AND project in (\"PAY\")"));
        });
    }

    [Test]
    public async Task Discover_DefinedTeams_AreTheTeamsWithTheProjectLeadAsOwner()
    {
        var source = CreateSource("""{"email":"d@e","projects":["PAY"],"teams":[{"name":"Payments","project":"PAY"},{"name":"Checkout","component":"Checkout API"}]}""");

        var catalogue = await source.DiscoverAsync(CancellationToken.None);

        Assert.That(catalogue.Teams.Select(t => (t.SourceId, t.Name, t.OwnerSourceId)), Is.EqualTo(new[]
        {
            ("team:Payments", "Payments", (string?)"5f3c9a7e2b1d4c006f8e1a21"), ("team:Checkout", "Checkout", null),
        }));
    }

    [Test]
    public async Task ReadChanges_OnlySomeBoardsAreTeams_IssuesOfOtherBoardsGetNoTeam()
    {
        var source = CreateSource("""{"email":"d@e","projects":["PAY"],"boards":[99]}""");

        var teams = await TeamsByIssueAsync(source);
        var catalogue = await source.DiscoverAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(teams.Values, Has.All.Null);
            Assert.That(catalogue.Teams, Is.Empty);
        });
    }

    [Test]
    public async Task ReadChanges_DefaultMapping_IsATeamPerBoard()
    {
        var teams = await TeamsByIssueAsync(CreateSource());

        Assert.That(teams.Values, Has.All.EqualTo("7"));
    }

    [TestCase("""{"teams":[{"name":"X"}]}""", "needs exactly one of")]
    [TestCase("""{"teams":[{"name":"X","label":"a","project":"PAY"}]}""", "needs exactly one of")]
    [TestCase("""{"teams":[{"label":"a"}]}""", "needs a \"name\"")]
    [TestCase("""{"teams":[{"name":"X","field":"Team"}]}""", "no \"value\"")]
    [TestCase("""{"teams":[{"name":"X","label":"a"},{"name":"x","label":"b"}]}""", "used twice")]
    [TestCase("""{"teamMapping":"component"}""", "not supported")]
    public void Parse_BadTeamDefinitions_SayWhatIsWrong(string settings, string expected)
    {
        var error = Assert.Throws<FormatException>(() => JiraConnectionSettings.Parse(settings));

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void ReadChanges_FieldTheSiteDoesNotHave_StopsWithPlainWords()
    {
        var source = CreateSource("""{"email":"d@e","projects":["PAY"],"teams":[{"name":"X","field":"Squad","value":"Blue"}]}""");

        var error = Assert.ThrowsAsync<JiraSourceException>(() => TeamsByIssueAsync(source));

        Assert.That(error!.Message, Does.Contain("names the field 'Squad', which this Jira site does not have"));
    }

    private static async Task<Dictionary<string, string?>> TeamsByIssueAsync(IBacklogSource source) =>
        (await JiraTestHost.ReadAllAsync(source)).SelectMany(p => p.Changes).ToDictionary(c => c.Item.SourceId, c => c.Item.TeamSourceId);
}
