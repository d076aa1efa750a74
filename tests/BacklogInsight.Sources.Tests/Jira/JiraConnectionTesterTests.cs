using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>The connection test answers every way a connection can be wrong in plain words, on Cloud and Data Center.</summary>
public sealed class JiraConnectionTesterTests : JiraFixtureBase
{
    private const string DataCenterSettings = """{"deployment":"datacenter","projects":["PAY"]}""";

    [Test]
    public async Task TestAsync_CompleteCloudSite_SaysAccountSiteZoneProjectsBoardsAndThatTheFilterWorks()
    {
        ArrangeSite();

        var result = await TestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join(" | ", result.Messages));
            Assert.That(result.Account, Does.StartWith("Dana Whitfield"));
            Assert.That(result.Site, Does.Contain("Cloud"));
            Assert.That(result.TimeZone, Is.EqualTo("Europe/Berlin"));
            Assert.That(result.Projects, Is.EqualTo(new[] { "PAY" }));
            Assert.That(result.Boards, Is.EqualTo(new[] { "PAY board" }));
            Assert.That(result.MissingPermissions, Is.Empty);
            Assert.That(result.Messages, Has.Some.Contains("filter is valid JQL"));
            Assert.That(JiraFake.Body(Jira.Requests("/search/jql").Single())["jql"]!.GetValue<string>(), Does.StartWith("project in (\"PAY\")"));
        });
    }

    [Test]
    public async Task TestAsync_Unauthorized_SaysTheCredentialsWereRefused()
    {
        Jira.Json("/rest/api/3/myself", """{ "errorMessages": ["Client must be authenticated to access this resource."] }""", status: 401);

        var result = await TestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Messages.Single(), Does.Contain("did not accept the credentials").And.Contain("API token"));
        });
    }

    [Test]
    public async Task TestAsync_BrowseProjectsMissing_FailsAndNamesThePermissionAndWhatItCosts()
    {
        ArrangeSite(browse: false);

        var result = await TestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.MissingPermissions, Is.EqualTo(new[] { "BROWSE_PROJECTS" }));
            Assert.That(result.Messages, Has.Some.Contains("lacks these permissions").And.Contains("no issue, history or comment can be read"));
        });
    }

    [Test]
    public async Task TestAsync_AgileForbidden_SaysTheBoardsCannotBeListedAndWhy()
    {
        ArrangeSite();
        Jira.Json("/rest/agile/1.0/board", """{ "errorMessages": ["Jira Software is not licensed for this user."] }""", status: 403);

        var result = await TestAsync();

        Assert.That(result.Messages, Has.Some.Contains("Could not list boards").And.Contains("403 Forbidden").And.Contains("Jira Software licence"));
    }

    [Test]
    public async Task TestAsync_WrongBaseUrl404_SaysTheBaseUrlMayBeWrong()
    {
        Jira.Json("/rest/api/3/myself", """{ "errorMessages": ["Not found"] }""", status: 404);

        var result = await TestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Messages.Single(), Does.Contain("404 Not Found").And.Contain("base URL may be wrong"));
        });
    }

    [Test]
    public async Task TestAsync_HtmlAnswer_SaysTheAddressIsAWebPageNotJira()
    {
        Server.Given(Request.Create().WithPath("/rest/api/3/myself").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8")
                .WithBody("<html><body><h1>Sign in to continue</h1></body></html>"));

        var result = await TestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Messages.Single(), Does.Contain("web page instead of JSON").And.Contain("base URL"));
        });
    }

    [Test]
    public async Task TestAsync_InvalidJqlFilter_SaysWhichFilterAndWhatJiraSaid()
    {
        ArrangeSite();
        Server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody(JiraPayloads.Read("error-400.json")));

        var result = await TestAsync("""{"deployment":"cloud","email":"dana@acme-demo.example","projects":["PAYX"]}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Messages, Has.Some.Contains("The connection's filter").And.Contains("not a valid Jira search")
                .And.Contains("The value 'PAYX' does not exist for the field 'project'."));
        });
    }

    [Test]
    public async Task TestAsync_InvalidTeamJql_NamesTheTeam()
    {
        ArrangeSite();
        Server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost()
                .WithBody(new WireMock.Matchers.WildcardMatcher("*componentz*")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "errorMessages": ["Field 'componentz' does not exist or you do not have permission to view it."] }"""));

        var result = await TestAsync("""{"email":"dana@acme-demo.example","projects":["PAY"],"teams":[{"name":"Refunds","jql":"componentz = Refunds"}]}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Messages, Has.Some.Contains("The JQL of team 'Refunds'").And.Contains("Field 'componentz' does not exist"));
        });
    }

    [Test]
    public async Task TestAsync_DataCenterWithBearerToken_UsesApi2AndTheBearerHeader()
    {
        Jira.Myself(api: "2");
        Jira.Json("/rest/api/2/serverInfo", """{ "baseUrl": "https://jira.acme.example", "version": "9.12.4", "deploymentType": "Server", "serverTitle": "Acme Jira", "serverTimeZone": "Europe/London" }""");
        Jira.Json("/rest/api/2/mypermissions", """{ "permissions": { "BROWSE_PROJECTS": { "havePermission": true }, "USER_PICKER": { "havePermission": true } } }""");
        Jira.Json("/rest/api/2/project", """[ { "id": "10040", "key": "PAY", "name": "Payments" }, { "id": "10041", "key": "OPS", "name": "Ops" } ]""");
        Jira.Boards();
        Jira.Json("/rest/api/2/search", """{ "startAt": 0, "maxResults": 1000, "total": 1, "issues": [ { "id": "10231", "key": "PAY-412" } ] }""", method: "POST");

        var result = await TestAsync(DataCenterSettings);

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True, string.Join(" | ", result.Messages));
            Assert.That(result.Projects, Is.EqualTo(new[] { "PAY" }));
            Assert.That(result.Site, Does.Contain("Acme Jira").And.Contain("9.12.4"));
            Assert.That(result.Messages, Has.Some.Contains("the site's own zone is Europe/London"));
            Assert.That(Jira.Requests("/rest/api/2/myself").Single().RequestMessage.Headers!["Authorization"].Single(), Does.StartWith("Bearer "));
            Assert.That(Jira.Requests("/rest/api/2/search").Single().RequestMessage.Method, Is.EqualTo("POST"));
        });
    }

    [Test]
    public async Task TestAsync_DeploymentSetWrong_SaysWhichToUse()
    {
        ArrangeSite();
        Jira.Json("/rest/api/3/serverInfo", """{ "version": "9.12.4", "deploymentType": "Server", "serverTitle": "Acme Jira" }""");

        var result = await TestAsync();

        Assert.That(result.Messages, Has.Some.Contains("set \"deployment\" to \"datacenter\""));
    }

    private Task<JiraConnectionTestResult> TestAsync(string settings = JiraTestHost.CloudSettings) =>
        Services.GetRequiredService<JiraConnectionTester>().TestAsync(JiraTestHost.Connection(Server.Urls[0], settings), CancellationToken.None);

    private void ArrangeSite(bool browse = true)
    {
        Jira.Myself();
        Jira.Json("/rest/api/3/serverInfo", """{ "baseUrl": "https://acme-demo.atlassian.net", "version": "1001.0.0-SNAPSHOT", "deploymentType": "Cloud", "serverTitle": "Acme" }""");
        Jira.Json("/rest/api/3/mypermissions", $$"""
            { "permissions": { "BROWSE_PROJECTS": { "key": "BROWSE_PROJECTS", "havePermission": {{(browse ? "true" : "false")}} },
                               "USER_PICKER": { "key": "USER_PICKER", "havePermission": true } } }
            """);
        Jira.Json("/rest/api/3/project/search", JiraPayloads.Read("project-search.json"));
        Jira.Boards();
        Server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "issues": [ { "id": "10231", "key": "PAY-412" } ], "isLast": true }"""));
    }
}
