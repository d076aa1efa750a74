using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BacklogInsight.Sources.Tests.Jira;

/// <summary>A WireMock Jira with helpers for the endpoints the source calls.</summary>
internal sealed class JiraFake(WireMockServer server)
{
    public const string Page1Token = "Ch0jU3RyaW5nJlVFRlomSW50Jk1UQTFNalF3TmpNNE1UQXdNQT09EAIYwNbB6qQx";

    public WireMockServer Server => server;

    public void Json(string path, string body, int status = 200, string method = "GET") =>
        server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    public void Myself(string timeZone = "Europe/Berlin", string api = "3") => Json(
        $"/rest/api/{api}/myself",
        $$"""{ "accountId": "5f3c9a7e2b1d4c006f8e1a21", "key": "dana", "displayName": "Dana Whitfield", "active": true, "timeZone": "{{timeZone}}" }""");

    public void Fields(string file = "fields.json", string api = "3") => Json($"/rest/api/{api}/field", JiraPayloads.Read(file));

    /// <summary>search/jql: page 1 without a token, page 2 for page 1's token.</summary>
    public void CloudSearch(string page1 = "search-jql-page1.json", string page2 = "search-jql-page2.json")
    {
        server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost()).AtPriority(10)
            .RespondWith(Json200(JiraPayloads.Read(page1)));
        server.Given(Request.Create().WithPath("/rest/api/3/search/jql").UsingPost()
                .WithBody(new JsonPartialMatcher($$"""{ "nextPageToken": "{{Page1Token}}" }""")))
            .AtPriority(1)
            .RespondWith(Json200(JiraPayloads.Read(page2)));
    }

    /// <summary>PAY-412's changelog served by startAt and maxResults.</summary>
    public void Pay412Changelog(int pageSize)
    {
        var all = JiraPayloads.Pay412Histories();
        for (var start = 0; start < all.Count; start += pageSize)
        {
            server.Given(Request.Create().WithPath("/rest/api/3/issue/PAY-412/changelog").UsingGet()
                    .WithParam("startAt", start.ToString(CultureInfo.InvariantCulture)))
                .RespondWith(Json200(JiraPayloads.ChangelogPage(all, start, pageSize)));
        }
    }

    /// <summary>Comments: issue-comments.json for PAY-412, none for every other issue.</summary>
    public void Comments(string api = "3", string? pay412 = null)
    {
        server.Given(Request.Create().WithPath(new WildcardMatcher($"/rest/api/{api}/issue/*/comment")).UsingGet()).AtPriority(10)
            .RespondWith(Json200(JiraPayloads.EmptyComments()));
        server.Given(Request.Create().WithPath($"/rest/api/{api}/issue/PAY-412/comment").UsingGet()).AtPriority(1)
            .RespondWith(Json200(pay412 ?? JiraPayloads.Read("issue-comments.json")));
    }

    public void Boards(string api = "3") =>
        Json("/rest/agile/1.0/board", """
            { "startAt": 0, "maxResults": 50, "total": 1, "isLast": true,
              "values": [ { "id": 7, "name": "PAY board", "type": "scrum",
                            "location": { "projectId": 10040, "projectKey": "PAY", "projectName": "Payments" } } ] }
            """);

    /// <summary>The everyday Cloud site: myself, fields, two search pages, a 46-history changelog, comments.</summary>
    public void CloudSite(int changelogPageSize = 100)
    {
        Myself();
        Fields();
        CloudSearch();
        Pay412Changelog(changelogPageSize);
        Comments();
        Boards();
    }

    public IReadOnlyList<ILogEntry> Requests(string pathPart) =>
        [.. server.LogEntries.Where(e => e.RequestMessage.Path.Contains(pathPart, StringComparison.Ordinal))];

    public static JsonNode Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage.Body!)!;

    private static IResponseBuilder Json200(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);
}
