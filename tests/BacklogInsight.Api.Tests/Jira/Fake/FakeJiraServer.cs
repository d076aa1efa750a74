using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BacklogInsight.Api.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Api.Tests.Jira.Fake;

/// <summary>
/// <see cref="FakeJiraSite"/> served over real HTTP on loopback (Kestrel on 127.0.0.1, a free port), answering as
/// the documented Jira Cloud REST v3 and Agile 1.0 APIs do, and counting the requests it answered by kind.
/// </summary>
public sealed partial class FakeJiraServer : IAsyncDisposable
{
    public const string Search = "search";
    public const string Changelog = "changelog";
    public const string Comment = "comment";
    public const string Myself = "myself";
    public const string Field = "field";
    public const string Throttled = "throttled";

    public const string Issue = "issue";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, bool> _deleted = new();
    private readonly ConcurrentDictionary<int, string> _movedKeys = new();
    private readonly FakeAnswerCache _answers = new();
    private long _requests;

    private FakeJiraServer(FakeJiraSite site, WebApplication app)
    {
        Site = site;
        _app = app;
    }

    public FakeJiraSite Site { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>When set, every n-th request is answered 429 with <c>Retry-After: 1</c> instead.</summary>
    public int? ThrottleEvery { get; set; }

    /// <summary>When set, a search page starting at or beyond this many issues is answered 400 (the sync stops there).</summary>
    public int? FailSearchFromOffset { get; set; }

    /// <summary>Called with the offset of each search page once the page is read: the site may change before the next one.</summary>
    public Action<int>? AfterSearchPage { get; set; }

    /// <summary>When set, each answer waits this long first (a slow site, so a process can be killed midway).</summary>
    public TimeSpan? Delay { get; set; }

    /// <summary>
    /// When set, a 200 answer is rendered once and its bytes replayed to every identical request (see
    /// <see cref="FakeAnswerCache"/>), so a benchmark's fake costs little more than loopback HTTP. Delay, authentication,
    /// throttling and counting still apply to every request; with an injected search failure or page callback set,
    /// nothing is replayed. Off by default: the tests see the site as it is at each request.
    /// </summary>
    public bool CacheAnswers { get; set; }

    public static async Task<FakeJiraServer> StartAsync(FakeJiraSite site)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeJiraServer(site, app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Requests answered (not throttled) per kind: search, changelog, comment, myself, field, project, board, sprint, users.</summary>
    public IReadOnlyDictionary<string, long> Counts() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public long CountOf(string kind) => _counts.TryGetValue(kind, out var n) ? n : 0;

    /// <summary>Permission keys <c>mypermissions</c> answers as not held (all others are held).</summary>
    public ISet<string> MissingPermissions { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Deletes issue <paramref name="index"/>: searches no longer find it and its URLs answer 404.</summary>
    public void Delete(int index)
    {
        _deleted[index] = true;
        _answers.Clear();
    }

    /// <summary>Brings a deleted issue back.</summary>
    public void Restore(int index)
    {
        _deleted.TryRemove(index, out _);
        _answers.Clear();
    }

    /// <summary>Moves issue <paramref name="index"/>: same id, new key (its old key no longer resolves).</summary>
    public void Move(int index, string newKey)
    {
        _movedKeys[index] = newKey;
        _answers.Clear();
    }

    /// <summary>The issue as the site shows it now (its key after a move).</summary>
    public FakeIssue Present(int index) =>
        _movedKeys.TryGetValue(index, out var key) ? Site.Issue(index) with { Key = key } : Site.Issue(index);

    /// <summary>The index of a live issue by id or current key, or -1 (deleted, moved away from that key, or unknown).</summary>
    public int Resolve(string keyOrId)
    {
        var moved = _movedKeys.FirstOrDefault(m => string.Equals(m.Value, keyOrId, StringComparison.OrdinalIgnoreCase));
        var index = moved.Value is not null ? moved.Key : Site.IndexOf(keyOrId);
        if (index < 0 || _deleted.ContainsKey(index))
        {
            return -1;
        }

        return _movedKeys.ContainsKey(index) && moved.Value is null && !int.TryParse(keyOrId, out _) ? -1 : index;
    }

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

        if (!request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
        {
            response.StatusCode = 401;
            response.ContentType = "text/plain";
            await response.WriteAsync("Client must be authenticated to access this resource.");
            return;
        }

        var number = Interlocked.Increment(ref _requests);
        if (ThrottleEvery is { } every && number % every == 0)
        {
            _counts.AddOrUpdate(Throttled, 1, (_, n) => n + 1);
            response.StatusCode = 429;
            response.Headers.RetryAfter = "1";
            response.Headers["RateLimit-Reason"] = "jira-burst-based";
            return;
        }

        string? key = null;
        if (CacheAnswers && FailSearchFromOffset is null && AfterSearchPage is null)
        {
            key = await FakeAnswerCache.KeyAsync(request);
            if (_answers.TryGet(key, out var kept))
            {
                _counts.AddOrUpdate(kept.Kind, 1, (_, n) => n + 1);
                await kept.WriteAsync(response, context.RequestAborted);
                return;
            }
        }

        var path = request.Path.Value ?? string.Empty;
        var (kind, status, write) = Route(request.Method, path, request.Query);
        if (kind == Search)
        {
            (status, write) = await SearchAsync(request);
        }

        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (key is not null && status == 200)
        {
            var answer = FakeAnswer.Render(kind, status, "application/json", [], write);
            _answers.Keep(key, answer);
            await answer.WriteAsync(response, context.RequestAborted);
            return;
        }

        response.StatusCode = status;
        response.ContentType = "application/json";
        await using (var json = new Utf8JsonWriter(response.BodyWriter))
        {
            write(json);
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private (string Kind, int Status, Action<Utf8JsonWriter> Write) Route(string method, string path, IQueryCollection query)
    {
        var startAt = Int(query, "startAt", 0);
        var maxResults = Math.Clamp(Int(query, "maxResults", 50), 1, Site.Options.MaxPageSize);
        switch (method, path)
        {
            case ("POST", "/rest/api/3/search/jql"):
                return (Search, 200, _ => { });
            case ("GET", "/rest/api/3/mypermissions"):
                var wanted = query["permissions"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return ("mypermissions", 200, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartObject("permissions");
                    foreach (var permission in wanted)
                    {
                        w.WriteStartObject(permission);
                        w.WriteString("key", permission);
                        w.WriteBoolean("havePermission", !MissingPermissions.Contains(permission));
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                );
            case ("GET", "/rest/api/3/myself"):
                return (Myself, 200, w => FakeJiraJson.User(w, "acc-api-user", "API user", timeZone: Site.Options.TimeZone));
            case ("GET", "/rest/api/3/serverInfo"):
                return ("serverInfo", 200, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("baseUrl", BaseUrl.AbsoluteUri.TrimEnd('/'));
                    w.WriteString("deploymentType", "Cloud");
                    w.WriteString("version", "1001.0.0-SNAPSHOT");
                    w.WriteEndObject();
                }
                );
            case ("GET", "/rest/api/3/field"):
                return (Field, 200, FakeJiraJson.Fields);
            case ("GET", "/rest/api/3/project/search"):
                var keys = query["keys"].Where(k => k is not null).ToList();
                var projects = keys.Count == 0 || keys.Contains(FakeJiraSite.ProjectKey, StringComparer.OrdinalIgnoreCase) ? 1 : 0;
                return ("project", 200, w => FakeJiraJson.PageBean(w, startAt, maxResults, projects, i => FakeJiraJson.Project(w)));
            case ("GET", "/rest/agile/1.0/board"):
                var scope = query["projectKeyOrId"].ToString();
                var boards = scope.Length == 0 || string.Equals(scope, FakeJiraSite.ProjectKey, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                return ("board", 200, w => FakeJiraJson.PageBean(w, startAt, maxResults, boards, i => FakeJiraJson.Board(w)));
            case ("GET", "/rest/agile/1.0/board/7/sprint"):
                return ("sprint", 200, w => FakeJiraJson.PageBean(w, startAt, maxResults, Site.Sprints.Count, i => FakeJiraJson.Sprint(w, Site.Sprints[i])));
            case ("GET", "/rest/api/3/users/search"):
                return ("users", 200, w =>
                {
                    w.WriteStartArray();
                    foreach (var person in FakeJiraSite.People.Skip(startAt).Take(maxResults))
                    {
                        FakeJiraJson.Person(w, person);
                    }

                    w.WriteEndArray();
                }
                );
        }

        var singleIssue = SingleIssuePath().Match(path);
        if (method == "GET" && singleIssue.Success)
        {
            var index = Resolve(Uri.UnescapeDataString(singleIssue.Groups["key"].Value));
            if (index < 0)
            {
                return (Issue, 404, w => FakeJiraJson.Errors(w, "Issue does not exist or you do not have permission to see it."));
            }

            var wantedFields = query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var expandChangelog = query["expand"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains("changelog");
            var present = Present(index);
            return (Issue, 200, w => FakeJiraJson.Issue(w, BaseUrl, Site, present, wantedFields.Count == 0 ? ["*all"] : wantedFields, expandChangelog));
        }

        var issuePath = IssuePath().Match(path);
        if (method == "GET" && issuePath.Success)
        {
            var index = Resolve(Uri.UnescapeDataString(issuePath.Groups["key"].Value));
            if (index < 0)
            {
                return (issuePath.Groups["what"].Value, 404, w => FakeJiraJson.Errors(w, "Issue does not exist or you do not have permission to see it."));
            }

            var issue = Present(index);
            if (issuePath.Groups["what"].Value == Changelog)
            {
                return (Changelog, 200, w => FakeJiraJson.ChangelogPage(w, BaseUrl, issue, startAt, Math.Clamp(Int(query, "maxResults", 100), 1, Site.Options.MaxPageSize)));
            }

            var orderBy = query["orderBy"].ToString();
            if (orderBy.Length > 0 && orderBy is not ("created" or "+created" or "-created"))
            {
                return (Comment, 400, w => FakeJiraJson.Errors(w, $"Invalid orderBy '{orderBy}'."));
            }

            return (Comment, 200, w => FakeJiraJson.CommentPage(w, issue, startAt, Math.Clamp(Int(query, "maxResults", 100), 1, Site.Options.MaxPageSize)));
        }

        return ("unknown", 404, w => FakeJiraJson.Errors(w, $"No fake for {method} {path}."));
    }

    private async Task<(int Status, Action<Utf8JsonWriter> Write)> SearchAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var jql = root.TryGetProperty("jql", out var j) ? j.GetString() ?? string.Empty : string.Empty;
        var fields = root.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
            : ["id"];
        var expand = root.TryGetProperty("expand", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty;
        var maxResults = root.TryGetProperty("maxResults", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 50;
        var token = root.TryGetProperty("nextPageToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

        if (!TryFilter(jql, out var filter, out var error))
        {
            return (400, w => FakeJiraJson.Errors(w, error));
        }

        var offset = 0;
        if (token is not null && !TryReadToken(token, out offset))
        {
            return (400, w => FakeJiraJson.Errors(w, "The provided next page token is invalid or expired."));
        }

        if (FailSearchFromOffset is { } failAt && offset >= failAt)
        {
            return (400, w => FakeJiraJson.Errors(w, "Injected failure: the fake refuses this search page."));
        }

        var matching = Site.ByUpdated().Where(i => !_deleted.ContainsKey(i)).Where(filter).ToList();
        var size = Math.Clamp(maxResults, 1, Site.Options.MaxPageSize);
        var page = matching.Skip(offset).Take(size).Select(Present).ToList();
        AfterSearchPage?.Invoke(offset);
        var last = offset + page.Count >= matching.Count;
        var changelog = expand.Split(',', StringSplitOptions.TrimEntries).Contains("changelog");
        return (200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("issues");
            foreach (var issue in page)
            {
                FakeJiraJson.Issue(w, BaseUrl, Site, issue, fields, changelog);
            }

            w.WriteEndArray();
            if (!last)
            {
                w.WriteString("nextPageToken", Token(offset + page.Count));
            }

            w.WriteBoolean("isLast", last);
            w.WriteEndObject();
        }
        );
    }

    /// <summary>Reads <c>project in (…)</c>, <c>updated &gt;= "…"</c> and <c>created &gt;= "…"</c>, the dates in the user's zone.</summary>
    private bool TryFilter(string jql, out Func<int, bool> filter, out string error)
    {
        filter = _ => true;
        error = string.Empty;
        var where = jql.Split("ORDER BY", 2, StringSplitOptions.TrimEntries)[0];
        if (where.Length == 0)
        {
            error = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";
            return false;
        }

        var project = ProjectClause().Match(where);
        if (project.Success)
        {
            var keys = project.Groups["keys"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(k => k.Trim('"')).ToList();
            if (keys.FirstOrDefault(k => !string.Equals(k, FakeJiraSite.ProjectKey, StringComparison.OrdinalIgnoreCase)) is { } unknown)
            {
                error = $"The value '{unknown}' does not exist for the field 'project'.";
                return false;
            }
        }

        DateTimeOffset? updatedFrom = null, createdFrom = null;
        foreach (Match clause in DateClause().Matches(where))
        {
            if (!DateTime.TryParseExact(
                clause.Groups["value"].Value, ["yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm", "yyyy/MM/dd", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                error = $"Date value '{clause.Groups["value"].Value}' for field '{clause.Groups["field"].Value}' is invalid.";
                return false;
            }

            var instant = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Site.Zone));
            if (clause.Groups["field"].Value == "updated")
            {
                updatedFrom = instant;
            }
            else
            {
                createdFrom = instant;
            }
        }

        filter = index =>
            (updatedFrom is null || Site.UpdatedOf(index) >= updatedFrom)
            && (createdFrom is null || Site.Issue(index).Created >= createdFrom);
        return true;
    }

    private static string Token(int offset) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("fake-jira:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("fake-jira:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan("fake-jira:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static int Int(IQueryCollection query, string name, int fallback) =>
        int.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [GeneratedRegex("^/rest/api/3/issue/(?<key>[^/]+)$")]
    private static partial Regex SingleIssuePath();

    [GeneratedRegex("^/rest/api/3/issue/(?<key>[^/]+)/(?<what>changelog|comment)$")]
    private static partial Regex IssuePath();

    [GeneratedRegex("project\\s+in\\s*\\((?<keys>[^)]*)\\)", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectClause();

    [GeneratedRegex("(?<field>updated|created)\\s*>=\\s*\"(?<value>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex DateClause();
}
