using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// The typed HTTP client of one Jira connection: hides the four paging shapes and the Cloud/Data Center
/// differences, authenticates every request, and returns wire records.
/// </summary>
public sealed partial class JiraClient(
    HttpClient http,
    Connection connection,
    JiraConnectionSettings settings,
    IConnectionSecrets secrets,
    JiraOptions options,
    JiraConnectionLimits limits,
    ILogger<JiraClient> logger)
{
    /// <summary>The name of the HTTP client registration that carries the resilience handler.</summary>
    public const string HttpClientName = "jira";

    /// <summary>Where the resilience handler finds the counters of the client that sent a request.</summary>
    public static readonly HttpRequestOptionsKey<JiraRequestStats> StatsKey = new("BacklogInsight.Jira.Stats");

    private const string AgilePath = "rest/agile/1.0";

    private AuthenticationHeaderValue? _authorization;

    /// <summary>The HTTP attempts this client made so far.</summary>
    public JiraRequestStats Stats { get; } = new();

    /// <summary>The settings of the connection this client talks to.</summary>
    public JiraConnectionSettings Settings => settings;

    /// <summary>The account the token belongs to (<c>/myself</c>), including its time zone.</summary>
    public Task<JiraUser> GetMyselfAsync(CancellationToken cancellationToken) =>
        SendAsync<JiraUser>(HttpMethod.Get, $"{settings.ApiPath}/myself", null, cancellationToken);

    /// <summary>The site's deployment type and version (<c>/serverInfo</c>).</summary>
    public Task<JiraServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) =>
        SendAsync<JiraServerInfo>(HttpMethod.Get, $"{settings.ApiPath}/serverInfo", null, cancellationToken);

    /// <summary>Every field the account can see (a plain array).</summary>
    public Task<List<JiraField>> GetFieldsAsync(CancellationToken cancellationToken) =>
        SendAsync<List<JiraField>>(HttpMethod.Get, $"{settings.ApiPath}/field", null, cancellationToken);

    /// <summary>Whether the account holds each of <paramref name="permissions"/> (keys such as <c>BROWSE_PROJECTS</c>).</summary>
    public Task<JiraPermissions> GetMyPermissionsAsync(IEnumerable<string> permissions, CancellationToken cancellationToken) =>
        SendAsync<JiraPermissions>(
            HttpMethod.Get, $"{settings.ApiPath}/mypermissions?permissions={Uri.EscapeDataString(string.Join(',', permissions))}", null, cancellationToken);

    /// <summary>The followed projects (all visible ones when none are configured), with lead and issue types.</summary>
    public async Task<IReadOnlyList<JiraProject>> GetProjectsAsync(CancellationToken cancellationToken)
    {
        var keys = string.Concat(settings.Projects.Select(k => "&keys=" + Uri.EscapeDataString(k)));
        IReadOnlyList<JiraProject> all = settings.IsCloud
            ? await ReadPageBeansAsync<JiraProject>($"{settings.ApiPath}/project/search?expand=lead,issueTypes{keys}", cancellationToken)
            : await SendAsync<List<JiraProject>>(HttpMethod.Get, $"{settings.ApiPath}/project?expand=lead,issueTypes", null, cancellationToken);

        // Data Center lists every project; keep only the followed ones there (and on Cloud, should a filter be ignored).
        return settings.Projects.Count == 0
            ? all
            : [.. all.Where(p => settings.Projects.Contains(p.Key, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>The boards whose filter covers <paramref name="projectKey"/> (every board when null).</summary>
    public Task<IReadOnlyList<JiraBoard>> GetBoardsAsync(string? projectKey, CancellationToken cancellationToken) =>
        ReadPageBeansAsync<JiraBoard>(
            projectKey is null ? $"{AgilePath}/board?" : $"{AgilePath}/board?projectKeyOrId={Uri.EscapeDataString(projectKey)}",
            cancellationToken);

    /// <summary>Every sprint of a board, closed ones included.</summary>
    public Task<IReadOnlyList<JiraSprint>> GetSprintsAsync(long boardId, CancellationToken cancellationToken) =>
        ReadPageBeansAsync<JiraSprint>(
            string.Create(CultureInfo.InvariantCulture, $"{AgilePath}/board/{boardId}/sprint?"), cancellationToken);

    /// <summary>Every user of the site (Cloud <c>users/search</c>; Data Center <c>user/search?username=.</c>).</summary>
    public async Task<IReadOnlyList<JiraUser>> GetUsersAsync(CancellationToken cancellationToken)
    {
        var users = new List<JiraUser>();
        var path = settings.IsCloud ? $"{settings.ApiPath}/users/search?" : $"{settings.ApiPath}/user/search?username=.&";
        while (true)
        {
            var page = await SendAsync<List<JiraUser>>(
                HttpMethod.Get, Paged(path, users.Count, options.DiscoveryPageSize), null, cancellationToken);
            users.AddRange(page);
            if (page.Count == 0 || page.Count < options.DiscoveryPageSize)
            {
                return users;
            }
        }
    }

    /// <summary>
    /// Runs a JQL search page by page: Cloud <c>POST search/jql</c> following <c>nextPageToken</c>; Data Center
    /// <c>POST search</c> by <c>startAt</c>, re-reading <see cref="JiraOptions.DataCenterPageOverlap"/> issues per page.
    /// </summary>
    public IAsyncEnumerable<JiraSearchPage> SearchAsync(string jql, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
        SearchPagesAsync(jql, fields, true, options.SearchPageSize, cancellationToken);

    /// <summary>
    /// The id and key of every issue a JQL finds, page by page, without fields or changelogs (the cheap listing the
    /// deletion sweep and JQL-defined teams use; Jira serves up to 5000 ids per page this way).
    /// </summary>
    public IAsyncEnumerable<JiraSearchPage> SearchIdsAsync(string jql, CancellationToken cancellationToken) =>
        SearchPagesAsync(jql, ["id", "key"], false, options.SweepPageSize, cancellationToken);

    /// <summary>One issue by id or key with the given fields and its changelog; null when Jira answers 404.</summary>
    public async Task<JiraIssue?> GetIssueAsync(string idOrKey, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<JiraIssue>(
                HttpMethod.Get,
                $"{settings.ApiPath}/issue/{Uri.EscapeDataString(idOrKey)}?fields={Uri.EscapeDataString(string.Join(',', fields))}&expand=changelog",
                null,
                cancellationToken);
        }
        catch (JiraSourceException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async IAsyncEnumerable<JiraSearchPage> SearchPagesAsync(
        string jql, IReadOnlyList<string> fields, bool changelog, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (settings.IsCloud)
        {
            string? token = null;
            while (true)
            {
                object body = changelog
                    ? new { jql, fields, expand = "changelog", maxResults = pageSize, nextPageToken = token }
                    : new { jql, fields, maxResults = pageSize, nextPageToken = token };
                var page = await SendAsync<JiraSearchPage>(HttpMethod.Post, $"{settings.ApiPath}/search/jql", body, cancellationToken);
                yield return page;
                var last = page.IsLast ?? string.IsNullOrEmpty(page.NextPageToken);
                if (last || string.IsNullOrEmpty(page.NextPageToken) || page.NextPageToken == token)
                {
                    yield break;
                }

                token = page.NextPageToken;
            }
        }

        var startAt = 0;
        while (true)
        {
            object body = changelog
                ? new { jql, startAt, maxResults = pageSize, fields, expand = new[] { "changelog" } }
                : new { jql, startAt, maxResults = pageSize, fields };
            var page = await SendAsync<JiraSearchPage>(HttpMethod.Post, $"{settings.ApiPath}/search", body, cancellationToken);
            yield return page;
            var received = page.Issues.Count;
            if (received == 0 || page.StartAt + received >= (page.Total ?? 0))
            {
                yield break;
            }

            startAt = page.StartAt + Math.Max(1, received - options.DataCenterPageOverlap);
        }
    }

    /// <summary>
    /// The histories of an issue that the inline changelog left out. Cloud pages <c>issue/{key}/changelog</c>
    /// (oldest first) until every history is known; Data Center, which has no paged changelog, reads the issue
    /// with <c>expand=changelog</c>.
    /// </summary>
    public async Task<IReadOnlyList<JiraHistory>> GetMissingHistoriesAsync(JiraIssue issue, CancellationToken cancellationToken)
    {
        var known = (issue.Changelog?.Histories ?? []).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var total = issue.Changelog?.Total ?? 0;
        var found = new List<JiraHistory>();
        if (!settings.IsCloud)
        {
            var full = await SendAsync<JiraIssue>(
                HttpMethod.Get, $"{settings.ApiPath}/issue/{Uri.EscapeDataString(issue.Key)}?fields=created&expand=changelog", null, cancellationToken);
            found.AddRange((full.Changelog?.Histories ?? []).Where(h => !known.Contains(h.Id)));
            return found;
        }

        var startAt = 0;
        while (known.Count < total)
        {
            var page = await SendAsync<JiraPageBean<JiraHistory>>(
                HttpMethod.Get,
                Paged($"{settings.ApiPath}/issue/{Uri.EscapeDataString(issue.Key)}/changelog?", startAt, options.ChangelogPageSize),
                null,
                cancellationToken);
            found.AddRange(page.Values.Where(h => known.Add(h.Id)));
            startAt = page.StartAt + page.Values.Count;
            if (page.Values.Count == 0 || page.IsLast == true || startAt >= (page.Total ?? total))
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Every comment of an issue, oldest first (legacy offset paging: stops at <c>total</c> or an empty page).</summary>
    public async Task<IReadOnlyList<JiraComment>> GetCommentsAsync(string issueKey, CancellationToken cancellationToken)
    {
        var comments = new List<JiraComment>();
        while (true)
        {
            var page = await SendAsync<JiraCommentPage>(
                HttpMethod.Get,
                Paged($"{settings.ApiPath}/issue/{Uri.EscapeDataString(issueKey)}/comment?orderBy=created&", comments.Count, options.CommentPageSize),
                null,
                cancellationToken);
            comments.AddRange(page.Comments);
            if (page.Comments.Count == 0 || page.StartAt + page.Comments.Count >= page.Total)
            {
                return comments;
            }
        }
    }

    private async Task<IReadOnlyList<T>> ReadPageBeansAsync<T>(string path, CancellationToken cancellationToken)
    {
        var values = new List<T>();
        var startAt = 0;
        while (true)
        {
            var page = await SendAsync<JiraPageBean<T>>(HttpMethod.Get, Paged(path, startAt, options.DiscoveryPageSize), null, cancellationToken);
            values.AddRange(page.Values);
            startAt = page.StartAt + page.Values.Count;
            if (page.Values.Count == 0 || page.IsLast == true || (page.IsLast is null && startAt >= (page.Total ?? 0)))
            {
                return values;
            }
        }
    }

    private static string Paged(string path, int startAt, int maxResults) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}{(path.EndsWith('?') || path.EndsWith('&') ? string.Empty : "&")}startAt={startAt}&maxResults={maxResults}");

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var what = $"{method} /{path.Split('?')[0]}";
        var authorization = await GetAuthorizationAsync(cancellationToken);
        using var slot = await limits.EnterAsync(
            connection.Id, options.MaxConcurrentRequestsPerConnection, options.HourlyRequestBudget, cancellationToken);
        var retriesBefore = Stats.Retries;
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JiraJson.Options);
        }

        request.Options.Set(StatsKey, Stats);
        Stats.AddRequest();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            LogRateLimit(response);
            return await JiraResponseReader.ReadAsync<T>(response, what, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new JiraSourceException(
                $"Could not reach Jira at {http.BaseAddress} for {what}: {ex.Message} Check the base URL and the network.", ex.StatusCode, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new JiraSourceException(
                $"Jira did not answer {what} within {options.RequestTimeout.TotalSeconds:0} seconds, even after retries.", null, ex);
        }
        finally
        {
            limits.ChargeRetries(connection.Id, Stats.Retries - retriesBefore);
        }
    }

    private async ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        if (_authorization is not null)
        {
            return _authorization;
        }

        var token = await secrets.GetAsync(connection.Id, "token", cancellationToken);
        if (string.IsNullOrEmpty(token))
        {
            throw new JiraSourceException(
                $"No Jira token is stored for connection '{connection.Name}'. Add the API token (Cloud) or personal access token (Data Center).");
        }

        if (settings.UsesBearer)
        {
            return _authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var user = settings.IsCloud ? settings.Email : settings.Username ?? settings.Email;
        if (string.IsNullOrEmpty(user))
        {
            throw new JiraSourceException(
                $"Connection '{connection.Name}' uses Basic authentication but names no "
                + (settings.IsCloud ? "\"email\" (the account's e-mail address)." : "\"username\"."));
        }

        return _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}")));
    }

    private void LogRateLimit(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-RateLimit-NearLimit", out var near) && near.Contains("true", StringComparer.OrdinalIgnoreCase))
        {
            var remaining = response.Headers.TryGetValues("X-RateLimit-Remaining", out var r) ? r.FirstOrDefault() : null;
            NearRateLimit(logger, connection.Name, remaining);
        }
    }

    [LoggerMessage(3101, LogLevel.Warning, "Jira connection {Connection} is near its rate limit ({Remaining} remaining); slowing down is advised")]
    private static partial void NearRateLimit(ILogger logger, string connection, string? remaining);
}
