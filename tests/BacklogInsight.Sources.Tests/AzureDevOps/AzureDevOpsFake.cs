using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

/// <summary>
/// A WireMock organisation holding the project Phoenix and its work items in memory. WIQL windows over
/// System.ChangedDate are evaluated against the items (with the result cap), workitemsbatch answers null for unknown
/// ids (errorPolicy omit), updates are paged by $top/$skip and comments by continuation token.
/// </summary>
internal sealed partial class AzureDevOpsFake(WireMockServer server)
{
    public const string ProjectId = "5f1c2a7e-93d4-4b8a-9e21-6c0d8b7a4f10";
    public const string PhoenixTeamId = "b7d2e9a4-1c3f-4e6a-8b5d-0f9e7c6a2d13";
    public const string CheckoutTeamId = "3e8a1f60-5b2d-4c97-a1e4-8d6f0b3c7e25";
    public const string CommentsToken = "bmV4dDo4ODEyMDU=";

    private readonly Dictionary<int, JsonObject> _items = [];
    private readonly Dictionary<int, JsonArray> _updates = [];

    public WireMockServer Server => server;

    /// <summary>The organisation or collection path, e.g. <c>/contoso-eng</c> or <c>/tfs/DefaultCollection</c>.</summary>
    public string Prefix { get; set; } = "/contoso-eng";

    /// <summary>The result cap of a WIQL query (20,000 on Services).</summary>
    public int Cap { get; set; } = 20_000;

    public string BaseUrl => server.Urls[0] + Prefix;

    /// <summary>Ids the query still finds but the batch answers null for: deleted between the two calls.</summary>
    public HashSet<int> DeletedAfterQuery { get; } = [];

    /// <summary>Work items 4211 and 4215 of workitemsbatch.json, with 4211's updates and two pages of comments.</summary>
    public void Site()
    {
        Discovery();
        foreach (var item in AzureDevOpsPayloads.Node("workitemsbatch.json")["value"]!.AsArray())
        {
            Put(item!.AsObject().DeepClone().AsObject());
        }

        _updates[4211] = AzureDevOpsPayloads.Node("workitem-updates.json")["value"]!.AsArray();
        Wiql();
        Batch();
        Updates();
        Comments();
    }

    /// <summary>Projects, teams, team field values, iterations, members and backlog configuration.</summary>
    public void Discovery()
    {
        Json($"{Prefix}/_apis/projects", AzureDevOpsPayloads.Read("projects.json"));
        Json(new WildcardMatcher($"{Prefix}/_apis/projects/*/teams"), AzureDevOpsPayloads.Read("teams.json"));
        Json(new WildcardMatcher($"{Prefix}/_apis/projects/*/teams/*/members"), AzureDevOpsPayloads.Read("team-members.json"));
        Json($"{Prefix}/Phoenix/{PhoenixTeamId}/_apis/work/teamsettings/teamfieldvalues", AzureDevOpsPayloads.Read("teamfieldvalues-phoenix-team.json"));
        Json($"{Prefix}/Phoenix/{CheckoutTeamId}/_apis/work/teamsettings/teamfieldvalues", AzureDevOpsPayloads.Read("teamfieldvalues-checkout-squad.json"));
        Json(new WildcardMatcher($"{Prefix}/*/*/_apis/work/teamsettings/iterations"), AzureDevOpsPayloads.Read("team-iterations.json"));
        Json(new WildcardMatcher($"{Prefix}/*/*/_apis/work/backlogconfiguration"), AzureDevOpsPayloads.Read("backlogconfiguration.json"));
    }

    /// <summary>Adds or replaces a work item.</summary>
    public void Put(JsonObject item) => _items[item["id"]!.GetValue<int>()] = item;

    /// <summary>Records a new revision of an item at <paramref name="changed"/>.</summary>
    public void Touch(int id, DateTimeOffset changed)
    {
        var item = _items[id];
        item["rev"] = item["rev"]!.GetValue<int>() + 1;
        item["fields"]!["System.ChangedDate"] = Iso(changed);
    }

    /// <summary>A Task in Phoenix\Checkout changed at <paramref name="changed"/>.</summary>
    public static JsonObject NewItem(int id, DateTimeOffset changed) => new()
    {
        ["id"] = id,
        ["rev"] = 1,
        ["fields"] = new JsonObject
        {
            ["System.Id"] = id,
            ["System.TeamProject"] = "Phoenix",
            ["System.AreaPath"] = "Phoenix\\Checkout",
            ["System.IterationPath"] = "Phoenix\\Release 3\\Sprint 13",
            ["System.WorkItemType"] = "Task",
            ["System.State"] = "Closed",
            ["System.Title"] = $"Task {id}",
            ["System.CreatedDate"] = Iso(changed.AddDays(-1)),
            ["System.ChangedDate"] = Iso(changed),
            ["System.CommentCount"] = 0,
        },
    };

    public void Wiql() =>
        server.Given(Request.Create().WithPath(new WildcardMatcher($"{Prefix}*/_apis/wit/wiql")).UsingPost())
            .RespondWith(Response.Create().WithCallback(AnswerWiql));

    public void Batch() =>
        server.Given(Request.Create().WithPath(new WildcardMatcher($"{Prefix}*/_apis/wit/workitemsbatch")).UsingPost())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var ids = JsonNode.Parse(request.Body!)!["ids"]!.AsArray().Select(i => i!.GetValue<int>());
                var value = new JsonArray([.. ids.Select(i => !DeletedAfterQuery.Contains(i) && _items.TryGetValue(i, out var item) ? item.DeepClone() : null)]);
                return Ok(new JsonObject { ["count"] = value.Count, ["value"] = value }.ToJsonString());
            }));

    public void Updates() =>
        server.Given(Request.Create().WithPath(new RegexMatcher(@"/_apis/wit/workItems/\d+/updates$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var id = int.Parse(request.Path.Split('/')[^2], CultureInfo.InvariantCulture);
                var top = int.Parse(request.Query!["$top"].Single(), CultureInfo.InvariantCulture);
                var skip = int.Parse(request.Query!["$skip"].Single(), CultureInfo.InvariantCulture);
                var all = _updates.TryGetValue(id, out var updates) ? updates : [];
                var page = new JsonArray([.. all.Skip(skip).Take(top).Select(u => u!.DeepClone())]);
                return Ok(new JsonObject { ["count"] = page.Count, ["value"] = page }.ToJsonString());
            }));

    /// <summary>4211: comments-page1.json, then comments-page2.json for its continuation token; none elsewhere.</summary>
    public void Comments()
    {
        Json(new RegexMatcher(@"/_apis/wit/workItems/\d+/comments$"), """{ "totalCount": 0, "count": 0, "comments": [] }""", priority: 10);
        server.Given(Request.Create().WithPath(new WildcardMatcher("*/_apis/wit/workItems/4211/comments")).UsingGet()).AtPriority(5)
            .RespondWith(Json200(AzureDevOpsPayloads.Read("comments-page1.json")));
        server.Given(Request.Create().WithPath(new WildcardMatcher("*/_apis/wit/workItems/4211/comments")).UsingGet()
                .WithParam("continuationToken", CommentsToken)).AtPriority(1)
            .RespondWith(Json200(AzureDevOpsPayloads.Read("comments-page2.json")));
    }

    /// <summary>As <see cref="Comments"/>, but the first page carries its continuation token in the <c>x-ms-continuationtoken</c> header only.</summary>
    public void CommentsWithHeaderToken()
    {
        Comments();
        var firstPage = System.Text.Json.Nodes.JsonNode.Parse(AzureDevOpsPayloads.Read("comments-page1.json"))!.AsObject();
        firstPage.Remove("continuationToken");
        firstPage.Remove("nextPage");
        server.Given(Request.Create().WithPath(new WildcardMatcher("*/_apis/wit/workItems/4211/comments")).UsingGet()).AtPriority(4)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8")
                .WithHeader("x-ms-continuationtoken", CommentsToken).WithBody(firstPage.ToJsonString()));
    }

    /// <summary>Answers every request to <paramref name="path"/> with one status, content type and body.</summary>
    public void Answer(string path, int status, string contentType, string body, string method = "GET") =>
        server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

    public IReadOnlyList<ILogEntry> Requests(string pathPart) =>
        [.. server.LogEntries.Where(e => e.RequestMessage.Path.Contains(pathPart, StringComparison.Ordinal)).OrderBy(e => e.RequestMessage.DateTime)];

    public static JsonNode Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage.Body!)!;

    public static string Query(ILogEntry entry, string name) => entry.RequestMessage.Query![name].Single();

    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private IResponseMessage AnswerWiql(IRequestMessage request)
    {
        var query = JsonNode.Parse(request.Body!)!["query"]!.GetValue<string>();
        var from = Date(FromPattern().Match(query));
        var until = Date(UntilPattern().Match(query));
        var except = ExceptPattern().Match(query);
        var excluded = except.Success ? except.Groups[1].Value.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet() : [];
        var after = Date(except);
        var matching = _items.Values
            .Select(i => (Id: i["id"]!.GetValue<int>(), Changed: DateTimeOffset.Parse(i["fields"]!["System.ChangedDate"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            .Where(i => (from is null || i.Changed >= from) && (until is null || i.Changed < until)
                && (!excluded.Contains(i.Id) || (after is not null && i.Changed > after)))
            .OrderBy(i => i.Changed).ThenBy(i => i.Id)
            .ToList();
        if (matching.Count > Cap)
        {
            return Answer(400, AzureDevOpsPayloads.Read("error-wiql-cap.json"));
        }

        var result = AzureDevOpsPayloads.Node("wiql.json");
        result["workItems"] = new JsonArray([.. matching.Select(m => new JsonObject { ["id"] = m.Id })]);
        result["asOf"] = Iso(DateTimeOffset.UtcNow.AddMinutes(1));
        return Ok(result.ToJsonString());
    }

    private static DateTimeOffset? Date(Match match) =>
        match.Success ? DateTimeOffset.Parse(match.Groups[match.Groups.Count - 1].Value, CultureInfo.InvariantCulture) : null;

    private void Json(string path, string body) =>
        server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Json200(body));

    private void Json(IStringMatcher path, string body, int priority = 10) =>
        server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(priority).RespondWith(Json200(body));

    private static IResponseBuilder Json200(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8; api-version=7.1").WithBody(body);

    private static ResponseMessage Ok(string body) => Answer(200, body);

    private static ResponseMessage Answer(int status, string body)
    {
        var message = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        message.AddHeader("Content-Type", "application/json; charset=utf-8");
        return message;
    }

    [GeneratedRegex(@"\[System\.ChangedDate\] >= '([^']+)'")]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"\[System\.ChangedDate\] < '([^']+)'")]
    private static partial Regex UntilPattern();

    [GeneratedRegex(@"NOT IN \(([^)]*)\) OR \[System\.ChangedDate\] > '([^']+)'")]
    private static partial Regex ExceptPattern();
}
