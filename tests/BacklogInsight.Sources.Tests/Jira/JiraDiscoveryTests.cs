using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Sources.Tests.Jira;

public sealed class JiraDiscoveryTests : JiraFixtureBase
{
    protected override void Configure(JiraOptions options) => options.DiscoverAllUsers = true;

    protected override void Arrange()
    {
        Jira.Json("/rest/api/3/project/search", JiraPayloads.Read("project-search.json"));
        Jira.Boards();
        Jira.Json("/rest/agile/1.0/board/7/sprint", JiraPayloads.Read("board-sprints.json"));
        Jira.Json("/rest/api/3/users/search", """
            [ { "accountId": "5f3c9a7e2b1d4c006f8e1a21", "accountType": "atlassian", "active": true, "displayName": "Dana Whitfield" },
              { "accountId": "557058:0b7e2c4d-1a2b-4c3d-8e9f-001122334455", "accountType": "app", "active": true, "displayName": "Automation for Jira" },
              { "accountId": "63b2f0d1c4e5a6007b8c9d0e", "accountType": "atlassian", "active": false, "displayName": "Lena Okafor" } ]
            """);
        Jira.Myself();
        Jira.Json("/rest/api/3/mypermissions", """
            { "permissions": { "BROWSE_PROJECTS": { "key": "BROWSE_PROJECTS", "havePermission": true },
                               "USER_PICKER": { "key": "USER_PICKER", "havePermission": false } } }
            """);
    }

    [Test]
    public async Task DiscoverAsync_Site_TeamsPerBoardOwnedByProjectLeadWithSprintsAndPeople()
    {
        var catalogue = await CreateSource().DiscoverAsync(CancellationToken.None);

        var people = catalogue.People.ToDictionary(p => p.SourceId);
        Assert.Multiple(() =>
        {
            Assert.That(catalogue.Teams.Select(t => (t.SourceId, t.Name, t.OwnerSourceId)),
                Is.EqualTo(new[] { ("7", "PAY board", (string?)"5f3c9a7e2b1d4c006f8e1a21") }));
            Assert.That(catalogue.Sprints.Select(s => (s.SourceId, s.State, s.TeamSourceId)),
                Is.EqualTo(new[] { ("41", "closed", "7"), ("42", "active", "7"), ("43", "future", "7") }));
            Assert.That(catalogue.Sprints[0].EndsAt, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 8, 45, 12, 301, TimeSpan.Zero)), "closed: when it completed");
            Assert.That(people["557058:0b7e2c4d-1a2b-4c3d-8e9f-001122334455"].IsBot, Is.True);
            Assert.That(people["63b2f0d1c4e5a6007b8c9d0e"].IsActive, Is.False);
            Assert.That(people["5f3c9a7e2b1d4c006f8e1a21"].IsBot, Is.False);
            Assert.That(catalogue.Teams.Concat<object>(catalogue.Sprints).Concat(catalogue.People), Has.All.Property("ConnectionId").Not.EqualTo(Guid.Empty));
            Assert.That(catalogue.Requests, Is.EqualTo(4));
            Assert.That(Jira.Requests("/project/search").Single().RequestMessage.Query!["keys"], Is.EqualTo(new[] { "PAY" }));
            Assert.That(Jira.Requests("/project/search").Single().RequestMessage.Url, Does.Contain("expand=lead,issueTypes"));
        });
    }

    [Test]
    public async Task TestAsync_WorkingToken_SaysWhoItIsWhatItSeesAndWhatIsMissing()
    {
        Jira.Json("/rest/api/3/search/jql", """{ "issues": [ { "id": "10231", "key": "PAY-412" } ], "isLast": true }""", method: "POST");
        var tester = Services.GetRequiredService<JiraConnectionTester>();

        var result = await tester.TestAsync(JiraTestHost.Connection(Server.Urls[0]), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Account, Does.StartWith("Dana Whitfield"));
            Assert.That(result.TimeZone, Is.EqualTo("Europe/Berlin"));
            Assert.That(result.Projects, Is.EqualTo(new[] { "PAY" }));
            Assert.That(result.Boards, Is.EqualTo(new[] { "PAY board" }));
            Assert.That(result.MissingPermissions, Is.EqualTo(new[] { "USER_PICKER" }));
        });
    }

    [Test]
    public async Task TestAsync_RejectedToken_ExplainsTheCredentialProblem()
    {
        Server.Reset();
        Jira.Json("/rest/api/3/myself", """{ "message": "Client must be authenticated to access this resource.", "status-code": 401 }""", status: 401);
        var tester = Services.GetRequiredService<JiraConnectionTester>();

        var result = await tester.TestAsync(JiraTestHost.Connection(Server.Urls[0]), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Messages.Single(), Does.Contain("did not accept the credentials").And.Contain("Client must be authenticated"));
        });
    }
}
