using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BacklogInsight.Api.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Api.Tests.AzureDevOps.Fake;

/// <summary>How the fake answers every request, whatever it asks.</summary>
public enum FakeAdoAnswer
{
    Normal,

    /// <summary>203 with an HTML sign-in page: what Services answers a wrong or expired token.</summary>
    SignInPage,

    /// <summary>401 with the TF400813 JSON body.</summary>
    Unauthorized,

    /// <summary>200 with an HTML page: a portal or proxy at the base URL instead of the API.</summary>
    Html,
}

/// <summary>
/// <see cref="FakeAdoOrganisation"/> served over real HTTP on loopback (Kestrel on 127.0.0.1, a free port) under a
/// path prefix (<c>/contoso</c> like Services, or <c>/tfs/DefaultCollection</c> like Server), answering as Microsoft's
/// REST reference documents: PAT as Basic password (a wrong one gets the 203 sign-in page), api-version checked
/// (preview flag required for comments, newer than the server's rejected), WIQL ids only with the result cap error
/// VS402337, <c>workitemsbatch</c> of at most 200 ids with deleted ones left out, updates by <c>$top</c>/<c>$skip</c>,
/// comments by continuation token, projects by the <c>x-ms-continuationtoken</c> header, 429 with <c>Retry-After</c>
/// and <c>X-RateLimit-*</c>. Counts the requests it answered by kind.
/// </summary>
public sealed class FakeAdoServer : IAsyncDisposable
{
    public const string Wiql = "wiql";
    public const string Batch = "workitemsbatch";
    public const string Updates = "updates";
    public const string Comments = "comments";
    public const string Throttled = "throttled";
    public const string OverCap = "wiql-over-cap";
    public const string ReportingRevisions = "reporting-revisions";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly string _prefix;
    private readonly ConcurrentDictionary<FakeAdoPerson, byte[]> _identities = new(ReferenceEqualityComparer.Instance);
    private long _requests;
    private string? _itemUrlPrefix;
    private string? _accepted;
    private readonly ConcurrentDictionary<string, bool> _versionInRange = new(StringComparer.Ordinal);
    private readonly FakeAnswerCache _answers = new();

    private FakeAdoServer(FakeAdoOrganisation organisation, WebApplication app, string prefix)
    {
        Organisation = organisation;
        _app = app;
        _prefix = prefix;
    }

    public FakeAdoOrganisation Organisation { get; }

    /// <summary>The organisation or collection URL, ending in a slash.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public FakeAdoAnswer Answer { get; set; } = FakeAdoAnswer.Normal;

    /// <summary>When set, every n-th request is answered 429 with <c>Retry-After: 1</c> and rate-limit headers instead.</summary>
    public int? ThrottleEvery { get; set; }

    /// <summary>When set, each answer waits this long first (a slow organisation, so a process can be killed midway).</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>When set, <c>workitemsbatch</c> requests after this many answer 400 (the sync stops there).</summary>
    public int? FailBatchesAfter { get; set; }

    /// <summary>
    /// When set, a 200 JSON answer is rendered once and its bytes replayed to every identical request (see
    /// <see cref="FakeAnswerCache"/>), so a benchmark's fake costs little more than loopback HTTP. Delay, the forced
    /// <see cref="Answer"/>, authentication, throttling and counting still apply to every request; with injected batch
    /// failures set, nothing is replayed. Off by default: the tests see the organisation as it is at each request.
    /// </summary>
    public bool CacheAnswers { get; set; }

    /// <summary>Starts the fake under <paramref name="prefix"/>: <c>/contoso</c> (Services) or <c>/tfs/DefaultCollection</c> (Server).</summary>
    public static async Task<FakeAdoServer> StartAsync(FakeAdoOrganisation organisation, string prefix = "/contoso")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeAdoServer(organisation, app, prefix.TrimEnd('/'));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + server._prefix + "/");
        return server;
    }

    public IReadOnlyDictionary<string, long> Counts() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public long CountOf(string kind) => _counts.TryGetValue(kind, out var n) ? n : 0;

    public void ResetCounts() => _counts.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        var refusal = Refusal(request);
        string? key = null;
        if (refusal is null && CacheAnswers && FailBatchesAfter is null)
        {
            key = await FakeAnswerCache.KeyAsync(request);
            if (_answers.TryGet(key, out var kept))
            {
                _counts.AddOrUpdate(kept.Kind, 1, (_, n) => n + 1);
                await kept.WriteAsync(response, context.RequestAborted);
                return;
            }
        }

        var reply = refusal ?? await RouteAsync(request);
        if (reply.Kind is not null)
        {
            _counts.AddOrUpdate(reply.Kind, 1, (_, n) => n + 1);
        }

        if (key is not null && reply is { Kind: { } kind, Status: 200, Html: null })
        {
            var answer = FakeAnswer.Render(kind, reply.Status, "application/json; charset=utf-8", reply.Headers ?? [], json => reply.Write?.Invoke(json));
            _answers.Keep(key, answer);
            await answer.WriteAsync(response, context.RequestAborted);
            return;
        }

        response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? [])
        {
            response.Headers[name] = value;
        }

        if (reply.Html is { } html)
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(html);
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        await using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            reply.Write?.Invoke(json);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>The answer a request gets before it is routed at all (forced answer, sign-in page, throttling), or null.</summary>
    private Reply? Refusal(HttpRequest request)
    {
        switch (Answer)
        {
            case FakeAdoAnswer.SignInPage:
                return SignIn();
            case FakeAdoAnswer.Unauthorized:
                return Error(401, "TF400813: The user '' is not authorized to access this resource.", "UnauthorizedRequestException");
            case FakeAdoAnswer.Html:
                return new Reply(null, 200, null, "<!DOCTYPE html><html><head><title>Intranet portal</title></head><body>Welcome</body></html>");
        }

        if (!Authorised(request.Headers.Authorization.ToString()))
        {
            return SignIn();
        }

        var number = Interlocked.Increment(ref _requests);
        if (ThrottleEvery is { } every && number % every == 0)
        {
            return new Reply(Throttled, 429, w => ErrorBody(w, "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'WorkItemTrackingResource' in namespace 'User'.", "RequestBlockedException"))
            {
                Headers =
                [
                    ("Retry-After", "1"),
                    ("X-RateLimit-Resource", "WorkItemTrackingResource"),
                    ("X-RateLimit-Delay", "0.5"),
                    ("X-RateLimit-Limit", "200"),
                    ("X-RateLimit-Remaining", "150"),
                    ("X-RateLimit-Reset", (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() + 5).ToString(CultureInfo.InvariantCulture)),
                ],
            };
        }

        return null;
    }

    private async Task<Reply> RouteAsync(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        if (!path.StartsWith(_prefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            return new Reply(null, 404, null, "<html><body>404 - the organisation or collection does not exist</body></html>");
        }

        var segments = path[(_prefix.Length + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var apis = Array.FindIndex(segments, s => s.Equals("_apis", StringComparison.OrdinalIgnoreCase));
        if (apis < 0)
        {
            return new Reply(null, 404, null, "<html><body>Page not found</body></html>");
        }

        var scope = segments[..apis];
        var tail = segments[(apis + 1)..];
        var lower = tail.Select(t => t.ToLowerInvariant()).ToArray();
        var version = request.Query["api-version"].ToString();
        if (VersionProblem(version, lower) is { } problem)
        {
            return problem;
        }

        FakeAdoProject? project = null;
        if (scope.Length > 0 && (project = Organisation.ProjectOf(scope[0])) is null)
        {
            return ProjectMissing(scope[0]);
        }

        FakeAdoTeam? team = null;
        if (scope.Length > 1 && (team = TeamOf(project!, scope[1])) is null)
        {
            return TeamMissing(scope[1]);
        }

        var top = Int(request.Query, "$top", 100);
        var skip = Int(request.Query, "$skip", 0);
        switch (lower)
        {
            case ["projects"] when scope.Length == 0:
                return Projects(request.Query["continuationToken"].ToString(), top);
            case ["projects", _, "teams"]:
                return Organisation.ProjectOf(tail[1]) is { } p1
                    ? new Reply("teams", 200, w => List(w, p1.Teams.Skip(skip).Take(Math.Min(top, Organisation.Options.MaxPageSize)), TeamJson))
                    : ProjectMissing(tail[1]);
            case ["projects", _, "teams", _, "members"]:
                if (Organisation.ProjectOf(tail[1]) is not { } p2)
                {
                    return ProjectMissing(tail[1]);
                }

                return TeamOf(p2, tail[3]) is { } t2
                    ? new Reply("members", 200, w => List(w, t2.Members.Select((m, i) => (m, i)).Skip(skip).Take(Math.Min(top, Organisation.Options.MaxPageSize)), MemberJson))
                    : TeamMissing(tail[3]);
            case ["work", "teamsettings", "teamfieldvalues"] when team is not null:
                return new Reply("teamfieldvalues", 200, w => TeamFieldValues(w, team));
            case ["work", "teamsettings", "iterations"] when team is not null:
                return new Reply("iterations", 200, w => List(w, Organisation.Iterations, (x, i) => IterationJson(x, project!, w)));
            case ["work", "backlogconfiguration"] when team is not null:
                return new Reply("backlogconfiguration", 200, BacklogConfiguration);
            case ["wit", "wiql"] when request.Method == "POST":
                return await WiqlAsync(request, project);
            case ["wit", "workitemsbatch"] when request.Method == "POST":
                return await BatchAsync(request);
            case ["wit", "workitems", var id, "updates"] when int.TryParse(id, CultureInfo.InvariantCulture, out var updatesOf):
                return UpdatesOf(updatesOf, skip, Math.Min(Int(request.Query, "$top", Organisation.Options.MaxPageSize), Organisation.Options.MaxPageSize));
            case ["wit", "workitems", var id, "comments"] when int.TryParse(id, CultureInfo.InvariantCulture, out var commentsOf):
                return CommentsOf(commentsOf, request.Query["continuationToken"].ToString(), Math.Min(Int(request.Query, "$top", 100), Organisation.Options.MaxPageSize));
            case ["wit", "reporting", "workitemrevisions"]:
                return ReportingRevisionsPage(request.Query["continuationToken"].ToString(), Math.Min(Int(request.Query, "$maxPageSize", 200), Organisation.Options.MaxPageSize));
            default:
                return Error(404, $"VS800011: The resource '{string.Join('/', tail)}' cannot be found.", "ResourceNotFoundException");
        }
    }

    private bool Authorised(string header)
    {
        // Every request of a sync carries the same header: decoded once.
        if (ReferenceEquals(header, _accepted) || header == _accepted)
        {
            return true;
        }

        if (!Decodes(header))
        {
            return false;
        }

        _accepted = header;
        return true;
    }

    private bool Decodes(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.ASCII.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && decoded[(colon + 1)..] == Organisation.Options.Token;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private Reply? VersionProblem(string version, string[] tail)
    {
        if (string.IsNullOrEmpty(version))
        {
            return Error(400, "VS800006: No api-version was supplied for the \"GET\" request. The version must be supplied either as part of the Accept header or as a query parameter.", "VssVersionNotSpecifiedException");
        }

        var number = version.Split('-')[0];
        if (!_versionInRange.GetOrAdd(number, n => string.CompareOrdinal(Normalise(n), Normalise(Organisation.Options.ServerVersion)) <= 0))
        {
            return Error(400, $"VS800003: The requested REST API version of {number} is out of range for this server. The latest REST API version for this server is {Organisation.Options.ServerVersion}.", "VssVersionOutOfRangeException");
        }

        var isPreview = version.Contains("-preview", StringComparison.OrdinalIgnoreCase);
        if (tail is ["wit", "workitems", _, "comments"] && !isPreview)
        {
            return Error(400, $"The requested version \"{version}\" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: \"{version}-preview\"", "VssInvalidPreviewVersionException");
        }

        return null;

        static string Normalise(string v) => string.Join('.', v.Split('.').Select(p => p.PadLeft(3, '0')));
    }

    private Reply Projects(string token, int top)
    {
        var start = string.IsNullOrEmpty(token) ? 0 : int.Parse(token, CultureInfo.InvariantCulture);
        var size = Math.Clamp(top, 1, 2);
        var page = Organisation.Projects.Skip(start).Take(size).ToList();
        var next = start + page.Count < Organisation.Projects.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return new Reply("projects", 200, w => List(w, page, (p, _) => ProjectJson(w, p)))
        {
            Headers = next is null ? [] : [("x-ms-continuationtoken", next)],
        };
    }

    private async Task<Reply> WiqlAsync(HttpRequest request, FakeAdoProject? project)
    {
        var body = await JsonDocument.ParseAsync(request.Body);
        var text = body.RootElement.TryGetProperty("query", out var q) ? q.GetString() ?? string.Empty : string.Empty;
        var timePrecision = string.Equals(request.Query["timePrecision"], "true", StringComparison.OrdinalIgnoreCase);
        FakeAdoWiql query;
        try
        {
            query = FakeAdoWiql.Parse(text, project?.Index, timePrecision);
        }
        catch (FormatException ex)
        {
            return Error(400, ex.Message, "WorkItemTrackingQueryException");
        }

        var matches = query.Select(Organisation.Live());
        if (matches.Count > Organisation.Options.WiqlCap)
        {
            _counts.AddOrUpdate(OverCap, 1, (_, n) => n + 1);
            return Error(400, $"VS402337: The number of work items returned exceeds the size limit of {Organisation.Options.WiqlCap}. Change the query to return fewer items.", "WorkItemTrackingQueryResultSizeLimitExceededException");
        }

        var top = Int(request.Query, "$top", int.MaxValue);
        var ids = matches.Take(top).Select(i => i + 1).ToList();
        return new Reply(Wiql, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("queryType", "flat");
            w.WriteString("queryResultType", "workItem");
            w.WriteString("asOf", Iso(TimeProvider.System.GetUtcNow()));
            w.WriteStartArray("columns");
            w.WriteStartObject();
            w.WriteString("referenceName", "System.Id");
            w.WriteString("name", "ID");
            w.WriteString("url", BaseUrl + "_apis/wit/fields/System.Id");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("workItems");
            foreach (var id in ids)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id);
                w.WriteString("url", ItemUrl(id));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private async Task<Reply> BatchAsync(HttpRequest request)
    {
        var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var ids = root.TryGetProperty("ids", out var idArray) ? idArray.EnumerateArray().Select(i => i.GetInt32()).ToList() : [];
        if (ids.Count > 200)
        {
            return Error(400, $"VS403474: You requested {ids.Count} work items which exceeds the limit of 200", "WorkItemTrackingLimitExceededException");
        }

        var expand = root.TryGetProperty("$expand", out var e) ? e.GetString() : null;
        if (expand is not null && root.TryGetProperty("fields", out _))
        {
            return Error(400, "The expand parameter can not be used with the fields parameter.", "ArgumentException");
        }

        if (FailBatchesAfter is { } limit && CountOf(Batch) >= limit)
        {
            return Error(400, "VS000000: The fake organisation was told to fail from here.", "FakeFailure");
        }

        var omit = root.TryGetProperty("errorPolicy", out var policy) && string.Equals(policy.GetString(), "omit", StringComparison.OrdinalIgnoreCase);
        var missing = ids.FirstOrDefault(id => Organisation.IndexOf(id) < 0 || Organisation.IsDeleted(id - 1));
        if (missing != 0 && !omit)
        {
            return Error(404, $"TF401232: Work item {missing} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException");
        }

        var relations = expand is not null && (expand.Equals("relations", StringComparison.OrdinalIgnoreCase) || expand.Equals("all", StringComparison.OrdinalIgnoreCase));
        return new Reply(Batch, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", ids.Count);
            w.WriteStartArray("value");
            foreach (var id in ids)
            {
                var index = Organisation.IndexOf(id);
                if (index < 0 || Organisation.IsDeleted(index))
                {
                    w.WriteNullValue();
                    continue;
                }

                ItemJson(w, Organisation.Item(index), relations);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private Reply UpdatesOf(int id, int skip, int top)
    {
        var index = Organisation.IndexOf(id);
        if (index < 0 || Organisation.IsDeleted(index))
        {
            return Error(404, $"TF401232: Work item {id} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException");
        }

        var item = Organisation.Item(index);
        var superseded = SupersededTimes(item);
        return new Reply(Updates, 200, w => List(w, item.Updates.Skip(skip).Take(top), (u, _) => UpdateJson(w, item, u, superseded)));
    }

    private Reply CommentsOf(int id, string token, int top)
    {
        var index = Organisation.IndexOf(id);
        if (index < 0 || Organisation.IsDeleted(index))
        {
            return Error(404, $"TF401232: Work item {id} does not exist, or you do not have permissions to read it.", "WorkItemUnauthorizedAccessException");
        }

        var item = Organisation.Item(index);
        var start = string.IsNullOrEmpty(token) ? 0 : int.Parse(Encoding.ASCII.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture);
        var page = item.Comments.Skip(start).Take(top).ToList();
        var next = start + page.Count < item.Comments.Count
            ? Convert.ToBase64String(Encoding.ASCII.GetBytes((start + page.Count).ToString(CultureInfo.InvariantCulture)))
            : null;
        return new Reply(Comments, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("totalCount", item.Comments.Count);
            w.WriteNumber("count", page.Count);
            w.WriteStartArray("comments");
            foreach (var comment in page)
            {
                w.WriteStartObject();
                w.WriteNumber("workItemId", id);
                w.WriteNumber("id", comment.Id);
                w.WriteNumber("version", 1);
                w.WriteString("text", comment.Html);
                w.WritePropertyName("createdBy");
                Identity(w, comment.Author);
                WriteIso(w, "createdDate", comment.At);
                w.WritePropertyName("modifiedBy");
                Identity(w, comment.Author);
                WriteIso(w, "modifiedDate", comment.At);
                WriteItemUrl(w, "url", id, "/comments/", comment.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (next is not null)
            {
                w.WriteString("continuationToken", next);
                w.WriteString("nextPage", $"{ItemUrl(id)}/comments?continuationToken={Uri.EscapeDataString(next)}");
            }

            w.WriteEndObject();
        });
    }

    /// <summary>
    /// The reporting revisions feed, for counting what the alternative history API costs: every revision of every live
    /// item in id order (not the server's watermark order), <c>$maxPageSize</c> per batch, a token until the last.
    /// </summary>
    private Reply ReportingRevisionsPage(string token, int pageSize)
    {
        var (index, skip) = string.IsNullOrEmpty(token) ? (0, 0) : (int.Parse(token.Split(';')[0], CultureInfo.InvariantCulture), int.Parse(token.Split(';')[1], CultureInfo.InvariantCulture));
        var revisions = new List<(FakeAdoItem Item, FakeAdoUpdate Update)>(pageSize);
        while (index < Organisation.Count && revisions.Count < pageSize)
        {
            if (Organisation.IsDeleted(index))
            {
                (index, skip) = (index + 1, 0);
                continue;
            }

            var item = Organisation.Item(index);
            var take = item.Updates.Skip(skip).Take(pageSize - revisions.Count).ToList();
            revisions.AddRange(take.Select(u => (item, u)));
            skip += take.Count;
            if (skip >= item.Updates.Count)
            {
                (index, skip) = (index + 1, 0);
            }
        }

        var last = index >= Organisation.Count;
        var next = string.Create(CultureInfo.InvariantCulture, $"{index};{skip}");
        return new Reply(ReportingRevisions, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("values");
            foreach (var (item, update) in revisions)
            {
                w.WriteStartObject();
                w.WriteNumber("id", item.Id);
                w.WriteNumber("rev", update.Rev);
                w.WriteStartObject("fields");
                w.WriteNumber("System.Id", item.Id);
                WriteIso(w, "System.ChangedDate", update.At);
                w.WriteString("System.ChangedBy", $"{update.Actor.DisplayName} <{update.Actor.UniqueName}>");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("continuationToken", next);
            w.WriteBoolean("isLastBatch", last);
            w.WriteEndObject();
        });
    }

    private void ItemJson(Utf8JsonWriter w, FakeAdoItem item, bool relations)
    {
        w.WriteStartObject();
        w.WriteNumber("id", item.Id);
        w.WriteNumber("rev", item.Rev);
        w.WriteStartObject("fields");
        foreach (var (name, value) in item.Fields)
        {
            w.WritePropertyName(name);
            Value(w, value);
        }

        w.WriteEndObject();
        if (relations && item.Relations.Count > 0)
        {
            w.WriteStartArray("relations");
            foreach (var (rel, target) in item.Relations)
            {
                Relation(w, rel, target);
            }

            w.WriteEndArray();
        }

        WriteItemUrl(w, "url", item.Id);
        w.WriteEndObject();
    }

    /// <summary>Per update (by position), when its revision was superseded: the time of the next update that changed fields.</summary>
    private static DateTimeOffset?[] SupersededTimes(FakeAdoItem item)
    {
        var times = new DateTimeOffset?[item.Updates.Count];
        DateTimeOffset? next = null;
        for (var i = item.Updates.Count - 1; i >= 0; i--)
        {
            times[i] = next;
            if (item.Updates[i].Fields is not null)
            {
                next = item.Updates[i].At;
            }
        }

        return times;
    }

    private void UpdateJson(Utf8JsonWriter w, FakeAdoItem item, FakeAdoUpdate update, DateTimeOffset?[] supersededTimes)
    {
        w.WriteStartObject();
        w.WriteNumber("id", update.Id);
        w.WriteNumber("workItemId", item.Id);
        w.WriteNumber("rev", update.Rev);
        w.WritePropertyName("revisedBy");
        Identity(w, update.Actor);

        // revisedDate is when the revision was superseded; a link-only update has only its own time to offer.
        var superseded = update.Fields is null ? update.At : supersededTimes[update.Id - 1];
        if (superseded is { } s)
        {
            WriteIso(w, "revisedDate", s);
        }
        else
        {
            w.WriteString("revisedDate", "9999-01-01T00:00:00Z");
        }

        if (update.Fields is { } fields)
        {
            w.WriteStartObject("fields");
            foreach (var change in fields)
            {
                w.WriteStartObject(change.Name);
                if (change.Old is not null)
                {
                    w.WritePropertyName("oldValue");
                    Value(w, change.Old);
                }

                if (change.New is not null)
                {
                    w.WritePropertyName("newValue");
                    Value(w, change.New);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        if (update.RelationAdded is { } added)
        {
            w.WriteStartObject("relations");
            w.WriteStartArray("added");
            Relation(w, added.Rel, added.Target);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        WriteItemUrl(w, "url", item.Id, "/updates/", update.Id);
        w.WriteEndObject();
    }

    private void Relation(Utf8JsonWriter w, string rel, int target)
    {
        w.WriteStartObject();
        w.WriteString("rel", rel);
        WriteItemUrl(w, "url", target);
        w.WriteStartObject("attributes");
        w.WriteBoolean("isLocked", false);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void Value(Utf8JsonWriter w, object value)
    {
        switch (value)
        {
            case string text:
                w.WriteStringValue(text);
                break;
            case int number:
                w.WriteNumberValue(number);
                break;
            case double number:
                w.WriteNumberValue(number);
                break;
            case DateTimeOffset instant:
                Span<char> iso = stackalloc char[IsoMaxLength];
                w.WriteStringValue(iso[..FormatIso(instant, iso)]);
                break;
            case FakeAdoPerson person:
                Identity(w, person);
                break;
            default:
                throw new InvalidOperationException($"No JSON for {value.GetType()}.");
        }
    }

    /// <summary>An identity reference; serialised once per person, since every update and comment repeats a few of them.</summary>
    private void Identity(Utf8JsonWriter w, FakeAdoPerson person) =>
        w.WriteRawValue(_identities.TryGetValue(person, out var bytes) ? bytes : _identities.GetOrAdd(person, IdentityBytes(person)), skipInputValidation: true);

    private byte[] IdentityBytes(FakeAdoPerson person)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("displayName", person.DisplayName);
            w.WriteString("url", $"https://spsprodweu5.vssps.visualstudio.com/A1b2c3d4e/_apis/Identities/{person.Id}");
            w.WriteStartObject("_links");
            w.WriteStartObject("avatar");
            w.WriteString("href", $"{BaseUrl}_apis/GraphProfile/MemberAvatars/{person.Descriptor}");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("id", person.Id);
            w.WriteString("uniqueName", person.UniqueName);
            w.WriteString("imageUrl", $"{BaseUrl}_apis/GraphProfile/MemberAvatars/{person.Descriptor}");
            w.WriteString("descriptor", person.Descriptor);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void ProjectJson(Utf8JsonWriter w, FakeAdoProject project)
    {
        w.WriteStartObject();
        w.WriteString("id", project.Id);
        w.WriteString("name", project.Name);
        w.WriteString("url", $"{BaseUrl}_apis/projects/{project.Id}");
        w.WriteString("state", "wellFormed");
        w.WriteNumber("revision", 411);
        w.WriteString("visibility", "private");
        w.WriteString("lastUpdateTime", "2025-01-10T08:11:00.583Z");
        w.WriteEndObject();
    }

    private void TeamJson(FakeAdoTeam team, int index, Utf8JsonWriter w)
    {
        var project = Organisation.ProjectOf(team.ProjectName)!;
        w.WriteStartObject();
        w.WriteString("id", team.Id);
        w.WriteString("name", team.Name);
        w.WriteString("url", $"{BaseUrl}_apis/projects/{project.Id}/teams/{team.Id}");
        w.WriteString("description", $"The {team.Name} team");
        w.WriteString("identityUrl", $"https://spsprodweu5.vssps.visualstudio.com/A1b2c3d4e/_apis/Identities/{team.Id}");
        w.WriteString("projectName", project.Name);
        w.WriteString("projectId", project.Id);
        w.WriteEndObject();
    }

    private void MemberJson((int Person, int Position) member, int index, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        if (member.Position == 0)
        {
            w.WriteBoolean("isTeamAdmin", true);
        }

        w.WritePropertyName("identity");
        Identity(w, Organisation.People[member.Person]);
        w.WriteEndObject();
    }

    private void TeamFieldValues(Utf8JsonWriter w, FakeAdoTeam team)
    {
        w.WriteStartObject();
        w.WriteStartObject("field");
        w.WriteString("referenceName", "System.AreaPath");
        w.WriteString("url", $"{BaseUrl}_apis/wit/fields/System.AreaPath");
        w.WriteEndObject();
        w.WriteString("defaultValue", team.AreaPath);
        w.WriteStartArray("values");
        w.WriteStartObject();
        w.WriteString("value", team.AreaPath);
        w.WriteBoolean("includeChildren", true);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void IterationJson(FakeAdoIteration iteration, FakeAdoProject project, Utf8JsonWriter w)
    {
        var now = TimeProvider.System.GetUtcNow();
        w.WriteStartObject();
        w.WriteString("id", iteration.Id);
        w.WriteString("name", iteration.Name);
        w.WriteString("path", $"{project.Name}\\{iteration.Path}");
        w.WriteStartObject("attributes");
        w.WriteString("startDate", iteration.Start.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture));
        w.WriteString("finishDate", iteration.Finish.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture));
        w.WriteString("timeFrame", now < iteration.Start ? "future" : now >= iteration.Finish.AddDays(1) ? "past" : "current");
        w.WriteEndObject();
        w.WriteString("url", $"{BaseUrl}{project.Id}/_apis/work/teamsettings/iterations/{iteration.Id}");
        w.WriteEndObject();
    }

    private static void BacklogConfiguration(Utf8JsonWriter w)
    {
        static void Level(Utf8JsonWriter w, string? property, string id, string name, int rank, params string[] types)
        {
            if (property is null)
            {
                w.WriteStartObject();
            }
            else
            {
                w.WriteStartObject(property);
            }

            w.WriteString("id", id);
            w.WriteString("name", name);
            w.WriteNumber("rank", rank);
            w.WriteStartArray("workItemTypes");
            foreach (var type in types)
            {
                w.WriteStartObject();
                w.WriteString("name", type);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteStartArray("portfolioBacklogs");
        Level(w, null, "Microsoft.EpicCategory", "Epics", 3, "Epic");
        Level(w, null, "Microsoft.FeatureCategory", "Features", 2, "Feature");
        w.WriteEndArray();
        Level(w, "requirementBacklog", "Microsoft.RequirementCategory", "Stories", 1, "User Story", "Bug");
        Level(w, "taskBacklog", "Microsoft.TaskCategory", "Tasks", 0, "Task");
        w.WriteStartArray("workItemTypeMappedStates");
        foreach (var type in new[] { "Epic", "Feature", "User Story", "Bug", "Task" })
        {
            w.WriteStartObject();
            w.WriteString("workItemTypeName", type);
            w.WriteStartObject("states");
            w.WriteString("New", "Proposed");
            w.WriteString("Active", "InProgress");
            w.WriteString("Resolved", "Resolved");
            w.WriteString("Closed", "Completed");
            w.WriteString("Removed", "Removed");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("bugsBehavior", "asRequirements");
        w.WriteStartObject("backlogFields");
        w.WriteStartObject("typeFields");
        w.WriteString("Order", "Microsoft.VSTS.Common.StackRank");
        w.WriteString("Effort", "Microsoft.VSTS.Scheduling.StoryPoints");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void List<T>(Utf8JsonWriter w, IEnumerable<T> values, Action<T, int, Utf8JsonWriter> write) =>
        List(w, values, (v, i) => write(v, i, w));

    private static void List<T>(Utf8JsonWriter w, IEnumerable<T> values, Action<T, int> write)
    {
        w.WriteStartObject();
        var count = 0;
        w.WriteStartArray("value");
        foreach (var value in values)
        {
            write(value, count++);
        }

        w.WriteEndArray();
        w.WriteNumber("count", count);
        w.WriteEndObject();
    }

    private static FakeAdoTeam? TeamOf(FakeAdoProject project, string nameOrId) =>
        project.Teams.FirstOrDefault(t => string.Equals(t.Name, nameOrId, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Id, nameOrId, StringComparison.OrdinalIgnoreCase));

    private string ItemUrl(int id) => string.Create(CultureInfo.InvariantCulture, $"{BaseUrl}_apis/wit/workItems/{id}");

    /// <summary>
    /// Writes <c>{BaseUrl}_apis/wit/workItems/{id}</c> (and a sub-resource) without a string per URL: every update,
    /// relation and comment carries one, and formatting them was a good part of what the fake spent per answer.
    /// </summary>
    private void WriteItemUrl(Utf8JsonWriter w, string property, int id, string? sub = null, long subId = 0)
    {
        var prefix = _itemUrlPrefix ??= BaseUrl + "_apis/wit/workItems/";
        Span<char> url = stackalloc char[prefix.Length + 64];
        prefix.CopyTo(url);
        var length = prefix.Length;
        id.TryFormat(url[length..], out var written, provider: CultureInfo.InvariantCulture);
        length += written;
        if (sub is not null)
        {
            sub.CopyTo(url[length..]);
            length += sub.Length;
            subId.TryFormat(url[length..], out written, provider: CultureInfo.InvariantCulture);
            length += written;
        }

        w.WriteString(property, url[..length]);
    }

    private const int IsoMaxLength = 40;

    private static void WriteIso(Utf8JsonWriter w, string property, DateTimeOffset instant)
    {
        Span<char> text = stackalloc char[IsoMaxLength];
        w.WriteString(property, text[..FormatIso(instant, text)]);
    }

    /// <summary>Formats as <see cref="Iso"/> does into <paramref name="text"/>; returns the length.</summary>
    private static int FormatIso(DateTimeOffset instant, Span<char> text)
    {
        // "O" of a UTC DateTime is yyyy-MM-ddTHH:mm:ss.fffffffZ: drop the zone, then trailing zeros and a bare dot.
        instant.UtcDateTime.TryFormat(text, out var length, "O", CultureInfo.InvariantCulture);
        length--;
        while (text[length - 1] == '0')
        {
            length--;
        }

        if (text[length - 1] == '.')
        {
            length--;
        }

        text[length++] = 'Z';
        return length;
    }

    private static Reply ProjectMissing(string name) =>
        Error(404, $"TF200016: The following project does not exist: {name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.", "ProjectDoesNotExistWithNameException");

    private static Reply TeamMissing(string name) =>
        Error(404, $"VS800075: The project with id 'vstfs:///Classification/TeamProject/' or name '' does not exist, or the team '{name}' does not exist.", "TeamNotFoundException");

    private static Reply SignIn() => new(null, 203, null,
        "<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body><form action=\"https://login.microsoftonline.com/\">Sign in</form></body></html>");

    private static Reply Error(int status, string message, string typeKey) => new(null, status, w => ErrorBody(w, message, typeKey));

    private static void ErrorBody(Utf8JsonWriter w, string message, string typeKey)
    {
        w.WriteStartObject();
        w.WriteString("$id", "1");
        w.WriteNull("innerException");
        w.WriteString("message", message);
        w.WriteString("typeName", $"Microsoft.TeamFoundation.Framework.Server.{typeKey}, Microsoft.TeamFoundation.Framework.Server");
        w.WriteString("typeKey", typeKey);
        w.WriteNumber("errorCode", 0);
        w.WriteNumber("eventId", 3000);
        w.WriteEndObject();
    }

    /// <summary>ISO 8601 UTC with as many fractional digits as the instant needs (Azure DevOps varies them).</summary>
    public static string Iso(DateTimeOffset instant)
    {
        Span<char> text = stackalloc char[IsoMaxLength];
        return new string(text[..FormatIso(instant, text)]);
    }

    private static int Int(IQueryCollection query, string name, int fallback) =>
        int.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private sealed record Reply(string? Kind, int Status, Action<Utf8JsonWriter>? Write, string? Html = null)
    {
        public IReadOnlyList<(string Name, string Value)>? Headers { get; init; }
    }
}
