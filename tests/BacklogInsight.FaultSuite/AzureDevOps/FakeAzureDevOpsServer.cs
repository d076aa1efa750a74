using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.FaultSuite.AzureDevOps;

/// <summary>
/// <see cref="FakeAzureDevOpsSite"/> served over real HTTP on loopback as Azure DevOps Services answers: an
/// organisation path, <c>api-version</c> required, PAT as Basic with an empty user, WIQL over
/// <c>System.ChangedDate</c> with <c>timePrecision</c> and the 20,000 cap (VS402337), <c>workitemsbatch</c> of at most
/// 200 ids, updates by <c>$top</c>/<c>$skip</c>, comments by continuation token, errors as VSS exceptions.
/// </summary>
public sealed partial class FakeAzureDevOpsServer : IAsyncDisposable
{
    public const string Organisation = "contoso-eng";
    private const int Cap = 20_000;

    private readonly WebApplication _app;

    private FakeAzureDevOpsServer(FakeAzureDevOpsSite site, WebApplication app)
    {
        Site = site;
        _app = app;
    }

    public FakeAzureDevOpsSite Site { get; }

    /// <summary>The organisation URL, e.g. <c>http://127.0.0.1:5123/contoso-eng</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeAzureDevOpsServer> StartAsync(FakeAzureDevOpsSite site)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeAzureDevOpsServer(site, app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri($"{address.TrimEnd('/')}/{Organisation}");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var (status, body) = await AnswerAsync(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8; api-version=7.1";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private async Task<(int Status, JsonNode Body)> AnswerAsync(HttpRequest request)
    {
        if (!request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
        {
            return (401, Error("TF400813: The user '' is not authorized to access this resource.", "UnauthorizedRequestException"));
        }

        if (string.IsNullOrEmpty(request.Query["api-version"]))
        {
            return (400, Error("VS800075: The project with id 'vstfs:///Classification/TeamProject/' does not exist, or you do not have permission to access it. No api-version was supplied.", "VssResourceNotFoundException"));
        }

        var prefix = $"/{Organisation}/";
        var path = request.Path.Value ?? string.Empty;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (404, Error($"No organisation at {path}.", "VssServiceException"));
        }

        var rest = Uri.UnescapeDataString(path[prefix.Length..]);
        var top = Int(request.Query, "$top", 100);
        var skip = Int(request.Query, "$skip", 0);
        switch (request.Method, rest)
        {
            case ("GET", "_apis/projects"):
                return (200, List([Project()]));
            case ("GET", _) when TeamsPath().Match(rest) is { Success: true } teams:
                return IsProject(teams.Groups["project"].Value)
                    ? (200, List(TeamList().Skip(skip).Take(top)))
                    : ProjectNotFound(teams.Groups["project"].Value);
            case ("GET", _) when MembersPath().Match(rest) is { Success: true } members:
                return (200, List(Members(members.Groups["team"].Value).Skip(skip).Take(top)));
            case ("GET", _) when TeamSettingsPath().Match(rest) is { Success: true } settings:
                return TeamSettings(settings.Groups["team"].Value, settings.Groups["what"].Value);
            case ("POST", _) when WitPath().Match(rest) is { Success: true, Groups: var g } && g["what"].Value == "wiql":
                return Wiql(await JsonNode.ParseAsync(request.Body), Int(request.Query, "$top", Cap));
            case ("POST", _) when WitPath().Match(rest) is { Success: true, Groups: var g } && g["what"].Value == "workitemsbatch":
                return Batch(await JsonNode.ParseAsync(request.Body));
            case ("GET", _) when ItemPath().Match(rest) is { Success: true } item:
                var index = Site.IndexOf(int.Parse(item.Groups["id"].Value, CultureInfo.InvariantCulture));
                if (index < 0)
                {
                    return (404, Error($"TF401232: Work item {item.Groups["id"].Value} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException"));
                }

                return item.Groups["what"].Value == "updates"
                    ? (200, Updates(Site.Item(index), top, skip))
                    : (200, Comments(Site.Item(index), Math.Min(top, 200), request.Query["continuationToken"].ToString()));
        }

        return (404, Error($"No fake for {request.Method} {path}.", "VssResourceNotFoundException"));
    }

    private (int, JsonNode) Wiql(JsonNode? body, int top)
    {
        var query = body?["query"]?.GetValue<string>() ?? string.Empty;
        var from = Date(FromPattern().Match(query));
        var until = Date(UntilPattern().Match(query));
        var except = ExceptPattern().Match(query);
        var excluded = except.Success
            ? except.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet()
            : [];
        var after = except.Success ? Date(except) : null;
        var matching = Site.ByChanged()
            .Where(i => (from is null || i.Changed >= from) && (until is null || i.Changed < until)
                && (!excluded.Contains(i.Id) || (after is not null && i.Changed > after)))
            .ToList();
        if (matching.Count > Cap && top > Cap)
        {
            return (400, Error(
                $"VS402337: The number of work items returned exceeds the size limit of {Cap}. Change the query to return fewer items.",
                "WorkItemTrackingQueryResultSizeLimitExceededException"));
        }

        var result = new JsonObject
        {
            ["queryType"] = "flat",
            ["queryResultType"] = "workItem",
            ["asOf"] = FakeAzureDevOpsSite.Iso(TimeProvider.System.GetUtcNow()),
            ["columns"] = new JsonArray(new JsonObject { ["referenceName"] = "System.Id", ["name"] = "ID" }),
            ["workItems"] = new JsonArray([.. matching.Take(top).Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["url"] = $"{BaseUrl}/_apis/wit/workItems/{m.Id}",
            })]),
        };
        return (200, result);
    }

    private (int, JsonNode) Batch(JsonNode? body)
    {
        var ids = body?["ids"]?.AsArray().Select(i => i!.GetValue<int>()).ToList() ?? [];
        if (ids.Count > 200)
        {
            return (400, Error("VS402335: The maximum number of work items that can be returned in a batch is 200.", "WorkItemTrackingServiceException"));
        }

        var value = new JsonArray([.. ids.Select(id => Site.IndexOf(id) is >= 0 and var index ? WorkItem(Site.Item(index)) : null)]);
        return (200, new JsonObject { ["count"] = value.Count, ["value"] = value });
    }

    private JsonObject WorkItem(FakeAdoItem item)
    {
        var fields = new JsonObject
        {
            ["System.Id"] = item.Id,
            ["System.AreaPath"] = item.AreaPath,
            ["System.TeamProject"] = FakeAzureDevOpsSite.Project,
            ["System.IterationPath"] = item.IterationPath,
            ["System.WorkItemType"] = item.Type,
            ["System.State"] = item.State,
            ["System.Reason"] = item.State == "New" ? "New" : "Work finished",
            ["System.CreatedDate"] = FakeAzureDevOpsSite.Iso(item.Created),
            ["System.CreatedBy"] = Identity(item.CreatedBy),
            ["System.ChangedDate"] = FakeAzureDevOpsSite.Iso(item.Changed),
            ["System.ChangedBy"] = Identity(item.Updates[^1].By),
            ["System.CommentCount"] = item.Comments.Count,
            ["System.Title"] = item.Title,
            ["Microsoft.VSTS.Common.Priority"] = 2,
        };
        if (item.AssignedTo is { } assignee)
        {
            fields["System.AssignedTo"] = Identity(assignee);
        }

        return new JsonObject
        {
            ["id"] = item.Id,
            ["rev"] = item.Rev,
            ["fields"] = fields,
            ["relations"] = new JsonArray(),
            ["url"] = $"{BaseUrl}/_apis/wit/workItems/{item.Id}",
        };
    }

    private JsonObject Updates(FakeAdoItem item, int top, int skip)
    {
        var page = item.Updates.Skip(skip).Take(top).Select(update =>
        {
            var fields = new JsonObject();
            foreach (var (field, old, value) in update.Changes)
            {
                var change = new JsonObject();
                if (old is not null)
                {
                    change["oldValue"] = Value(old);
                }

                if (value is not null)
                {
                    change["newValue"] = Value(value);
                }

                fields[field] = change;
            }

            var next = item.Updates.FirstOrDefault(u => u.Id == update.Id + 1);
            return (JsonNode)new JsonObject
            {
                ["id"] = update.Id,
                ["workItemId"] = item.Id,
                ["rev"] = update.Rev,
                ["revisedBy"] = Identity(update.By),
                ["revisedDate"] = next is null ? "9999-01-01T00:00:00Z" : FakeAzureDevOpsSite.Iso(next.At),
                ["fields"] = fields,
                ["url"] = $"{BaseUrl}/{FakeAzureDevOpsSite.ProjectId}/_apis/wit/workItems/{item.Id}/updates/{update.Id}",
            };
        });
        var value = new JsonArray([.. page]);
        return new JsonObject { ["count"] = value.Count, ["value"] = value };
    }

    private JsonObject Comments(FakeAdoItem item, int top, string token)
    {
        var start = token.Length == 0 ? 0 : int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':')[1], CultureInfo.InvariantCulture);
        var page = item.Comments.Skip(start).Take(top).Select(c => (JsonNode)new JsonObject
        {
            ["workItemId"] = item.Id,
            ["id"] = c.Id,
            ["version"] = 1,
            ["text"] = c.Text,
            ["format"] = "html",
            ["createdBy"] = Identity(c.By),
            ["createdDate"] = FakeAzureDevOpsSite.Iso(c.At),
            ["modifiedBy"] = Identity(c.By),
            ["modifiedDate"] = FakeAzureDevOpsSite.Iso(c.At),
            ["isDeleted"] = false,
            ["url"] = $"{BaseUrl}/{FakeAzureDevOpsSite.ProjectId}/_apis/wit/workItems/{item.Id}/comments/{c.Id}",
        });
        var comments = new JsonArray([.. page]);
        var result = new JsonObject { ["totalCount"] = item.Comments.Count, ["count"] = comments.Count, ["comments"] = comments };
        if (start + comments.Count < item.Comments.Count)
        {
            var next = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"next:{start + comments.Count}")));
            result["continuationToken"] = next;
            result["nextPage"] = $"{BaseUrl}/{FakeAzureDevOpsSite.ProjectId}/_apis/wit/workItems/{item.Id}/comments?continuationToken={next}&api-version=7.1-preview.4";
        }

        return result;
    }

    private (int, JsonNode) TeamSettings(string team, string what)
    {
        if (team is not (FakeAzureDevOpsSite.PhoenixTeamId or FakeAzureDevOpsSite.CheckoutTeamId))
        {
            return (404, Error($"VS800075: The team with id '{team}' does not exist.", "TeamNotFoundException"));
        }

        return what switch
        {
            "teamsettings/teamfieldvalues" => (200, new JsonObject
            {
                ["field"] = new JsonObject { ["referenceName"] = "System.AreaPath" },
                ["defaultValue"] = team == FakeAzureDevOpsSite.CheckoutTeamId ? "Phoenix\\Checkout" : "Phoenix",
                ["values"] = team == FakeAzureDevOpsSite.CheckoutTeamId
                    ? new JsonArray(Area("Phoenix\\Checkout", true), Area("Phoenix\\Payments", false))
                    : new JsonArray(Area("Phoenix", true)),
            }),
            "teamsettings/iterations" => (200, List(FakeAzureDevOpsSite.Iterations.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["name"] = i.Name,
                ["path"] = i.Path,
                ["attributes"] = new JsonObject
                {
                    ["startDate"] = FakeAzureDevOpsSite.Iso(i.Start),
                    ["finishDate"] = FakeAzureDevOpsSite.Iso(i.Finish),
                    ["timeFrame"] = "past",
                },
            }))),
            _ => (200, BacklogConfiguration()),
        };
    }

    private static JsonObject Area(string value, bool children) => new() { ["value"] = value, ["includeChildren"] = children };

    private static JsonNode BacklogConfiguration() => JsonNode.Parse("""
        {"portfolioBacklogs":[{"id":"Microsoft.FeatureCategory","name":"Features","rank":3,"workItemTypes":[{"name":"Feature"}]}],
         "requirementBacklog":{"id":"Microsoft.RequirementCategory","name":"Stories","rank":2,"workItemTypes":[{"name":"User Story"},{"name":"Bug"}]},
         "taskBacklog":{"id":"Microsoft.TaskCategory","name":"Tasks","rank":1,"workItemTypes":[{"name":"Task"}]},
         "bugsBehavior":"asRequirements",
         "workItemTypeMappedStates":[
          {"workItemTypeName":"User Story","states":{"New":"Proposed","Active":"InProgress","Resolved":"InProgress","Closed":"Completed"}},
          {"workItemTypeName":"Feature","states":{"New":"Proposed","Active":"InProgress","Resolved":"InProgress","Closed":"Completed"}},
          {"workItemTypeName":"Task","states":{"New":"Proposed","Active":"InProgress","Resolved":"InProgress","Closed":"Completed"}},
          {"workItemTypeName":"Bug","states":{"New":"Proposed","Active":"InProgress","Resolved":"Resolved","Closed":"Completed"}}]}
        """)!;

    private JsonNode Project() => new JsonObject
    {
        ["id"] = FakeAzureDevOpsSite.ProjectId,
        ["name"] = FakeAzureDevOpsSite.Project,
        ["url"] = $"{BaseUrl}/_apis/projects/{FakeAzureDevOpsSite.ProjectId}",
        ["state"] = "wellFormed",
        ["revision"] = 412,
        ["visibility"] = "private",
    };

    private static IEnumerable<JsonNode> TeamList() =>
    [
        new JsonObject { ["id"] = FakeAzureDevOpsSite.PhoenixTeamId, ["name"] = "Phoenix Team", ["projectName"] = FakeAzureDevOpsSite.Project, ["projectId"] = FakeAzureDevOpsSite.ProjectId },
        new JsonObject { ["id"] = FakeAzureDevOpsSite.CheckoutTeamId, ["name"] = "Checkout Squad", ["projectName"] = FakeAzureDevOpsSite.Project, ["projectId"] = FakeAzureDevOpsSite.ProjectId },
    ];

    private static IEnumerable<JsonNode> Members(string team) =>
        FakeAzureDevOpsSite.People
            .Where((_, i) => team == FakeAzureDevOpsSite.PhoenixTeamId ? i % 2 == 0 : i % 2 == 1 || i == 0)
            .Select((person, i) => (JsonNode)new JsonObject { ["isTeamAdmin"] = i == 0, ["identity"] = Identity(person) });

    private static bool IsProject(string project) =>
        project is FakeAzureDevOpsSite.Project or FakeAzureDevOpsSite.ProjectId;

    private static (int, JsonNode) ProjectNotFound(string project) =>
        (404, Error($"TF200016: The following project does not exist: {project}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.", "ProjectDoesNotExistWithNameException"));

    private static JsonObject Identity(FakeAdoPerson person) => new()
    {
        ["displayName"] = person.DisplayName,
        ["id"] = person.Id,
        ["uniqueName"] = person.UniqueName,
        ["descriptor"] = person.UniqueName.StartsWith("Build\\", StringComparison.Ordinal) ? "svc." + person.Id : "aad." + person.Id,
    };

    private static JsonNode? Value(object value) => value switch
    {
        FakeAdoPerson person => Identity(person),
        int number => number,
        string text => text,
        _ => JsonValue.Create(value.ToString()),
    };

    private static JsonObject List(IEnumerable<JsonNode> items)
    {
        var value = new JsonArray([.. items]);
        return new JsonObject { ["count"] = value.Count, ["value"] = value };
    }

    public static JsonObject Error(string message, string typeKey) => new()
    {
        ["$id"] = "1",
        ["innerException"] = null,
        ["message"] = message,
        ["typeName"] = $"Microsoft.TeamFoundation.Framework.Server.{typeKey}, Microsoft.TeamFoundation.Framework.Server",
        ["typeKey"] = typeKey,
        ["errorCode"] = 0,
        ["eventId"] = 3000,
    };

    private static DateTimeOffset? Date(Match match) =>
        match.Success ? DateTimeOffset.Parse(match.Groups[match.Groups.Count - 1].Value, CultureInfo.InvariantCulture) : null;

    private static int Int(IQueryCollection query, string name, int fallback) =>
        int.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [GeneratedRegex(@"^_apis/projects/(?<project>[^/]+)/teams$")]
    private static partial Regex TeamsPath();

    [GeneratedRegex(@"^_apis/projects/(?<project>[^/]+)/teams/(?<team>[^/]+)/members$")]
    private static partial Regex MembersPath();

    [GeneratedRegex(@"^(?<project>[^/]+)/(?<team>[^/]+)/_apis/work/(?<what>teamsettings/teamfieldvalues|teamsettings/iterations|backlogconfiguration)$")]
    private static partial Regex TeamSettingsPath();

    [GeneratedRegex(@"^(?:(?<project>[^/]+)/)?_apis/wit/(?<what>wiql|workitemsbatch)$")]
    private static partial Regex WitPath();

    [GeneratedRegex(@"^(?:(?<project>[^/]+)/)?_apis/wit/workItems/(?<id>\d+)/(?<what>updates|comments)$")]
    private static partial Regex ItemPath();

    [GeneratedRegex(@"\[System\.ChangedDate\] >= '([^']+)'")]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"\[System\.ChangedDate\] < '([^']+)'")]
    private static partial Regex UntilPattern();

    [GeneratedRegex(@"NOT IN \(([^)]*)\) OR \[System\.ChangedDate\] > '([^']+)'")]
    private static partial Regex ExceptPattern();
}
