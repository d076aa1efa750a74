using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// The typed HTTP client of one Azure DevOps organisation or collection: hides the three paging styles (continuation
/// header, body continuation token, <c>$top</c>/<c>$skip</c>), sends the api-version and the PAT on every request,
/// honours rate-limit headers, and returns wire records.
/// </summary>
public sealed partial class AzureDevOpsClient(
    HttpClient http,
    Connection connection,
    AzureDevOpsConnectionSettings settings,
    IConnectionSecrets secrets,
    AzureDevOpsOptions options,
    AzureDevOpsConnectionLimits limits,
    TimeProvider timeProvider,
    ILogger<AzureDevOpsClient> logger)
{
    /// <summary>The name of the HTTP client registration that carries the resilience handler.</summary>
    public const string HttpClientName = "azure-devops";

    /// <summary>Where the resilience handler finds the counters of the client that sent a request.</summary>
    public static readonly HttpRequestOptionsKey<AzureDevOpsRequestStats> StatsKey = new("BacklogInsight.AzureDevOps.Stats");

    private AuthenticationHeaderValue? _authorization;

    /// <summary>The HTTP attempts this client made so far.</summary>
    public AzureDevOpsRequestStats Stats { get; } = new();

    /// <summary>The settings of the connection this client talks to.</summary>
    public AzureDevOpsConnectionSettings Settings => settings;

    /// <summary>Every well-formed project, following the <c>x-ms-continuationtoken</c> header.</summary>
    public async Task<IReadOnlyList<AdoProject>> GetProjectsAsync(CancellationToken cancellationToken)
    {
        var projects = new List<AdoProject>();
        string? token = null;
        do
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"_apis/projects?$top={options.DiscoveryPageSize}")
                + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            var (page, next) = await SendAsync<AdoList<AdoProject>>(HttpMethod.Get, query, null, null, cancellationToken);
            projects.AddRange(page.Items);
            token = next == token ? null : next;
        }
        while (token is not null);

        return projects;
    }

    /// <summary>The teams of a project (name or id), by <c>$top</c>/<c>$skip</c>.</summary>
    public Task<IReadOnlyList<AdoTeam>> GetTeamsAsync(string project, CancellationToken cancellationToken) =>
        ReadSkipPagedAsync<AdoTeam>($"_apis/projects/{Escape(project)}/teams?", options.DiscoveryPageSize, cancellationToken);

    /// <summary>The members of a team, administrators marked.</summary>
    public Task<IReadOnlyList<AdoTeamMember>> GetTeamMembersAsync(string project, string team, CancellationToken cancellationToken) =>
        ReadSkipPagedAsync<AdoTeamMember>($"_apis/projects/{Escape(project)}/teams/{Escape(team)}/members?", options.DiscoveryPageSize, cancellationToken);

    /// <summary>The areas (team field values) that define a team's work items.</summary>
    public async Task<AdoTeamFieldValues> GetTeamFieldValuesAsync(string project, string team, CancellationToken cancellationToken) =>
        (await SendAsync<AdoTeamFieldValues>(
            HttpMethod.Get, $"{Escape(project)}/{Escape(team)}/_apis/work/teamsettings/teamfieldvalues?", null, null, cancellationToken)).Value;

    /// <summary>Every iteration the team selected, with its dates.</summary>
    public async Task<IReadOnlyList<AdoIteration>> GetIterationsAsync(string project, string team, CancellationToken cancellationToken) =>
        (await SendAsync<AdoList<AdoIteration>>(
            HttpMethod.Get, $"{Escape(project)}/{Escape(team)}/_apis/work/teamsettings/iterations?", null, null, cancellationToken)).Value.Items;

    /// <summary>The backlog levels and state categories of a project, read through one of its teams.</summary>
    public async Task<AdoBacklogConfiguration> GetBacklogConfigurationAsync(string project, string team, CancellationToken cancellationToken) =>
        (await SendAsync<AdoBacklogConfiguration>(
            HttpMethod.Get, $"{Escape(project)}/{Escape(team)}/_apis/work/backlogconfiguration?", null, null, cancellationToken)).Value;

    /// <summary>
    /// Runs a flat WIQL query in a project (organisation-wide when null) with <c>timePrecision=true</c>, so literals
    /// may carry a time. Only ids come back.
    /// </summary>
    /// <exception cref="AzureDevOpsSourceException">With <see cref="AzureDevOpsSourceException.ErrorCode"/> VS402337 when too many items match.</exception>
    public async Task<AdoWiqlResult> QueryAsync(string? project, string wiql, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{ProjectPrefix(project)}_apis/wit/wiql?timePrecision=true&$top={options.WiqlTop}&");
        return (await SendAsync<AdoWiqlResult>(HttpMethod.Post, path, new { query = wiql }, null, cancellationToken)).Value;
    }

    /// <summary>
    /// Work items with all fields and their relations, at most 200 ids per call; ids that are deleted or unreadable are
    /// left out (<c>errorPolicy: omit</c>).
    /// </summary>
    public async Task<IReadOnlyList<AdoWorkItem>> GetWorkItemsAsync(string? project, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var items = new List<AdoWorkItem>(ids.Count);
        foreach (var chunk in ids.Chunk(Math.Min(200, options.BatchSize)))
        {
            var body = new Dictionary<string, object> { ["ids"] = chunk, ["$expand"] = "relations", ["errorPolicy"] = "omit" };
            var (page, _) = await SendAsync<AdoList<AdoWorkItem>>(
                HttpMethod.Post, $"{ProjectPrefix(project)}_apis/wit/workitemsbatch?", body, null, cancellationToken);
            items.AddRange(page.Items);
        }

        return items;
    }

    /// <summary>Every update of a work item, oldest first, by <c>$top</c>/<c>$skip</c>.</summary>
    public Task<IReadOnlyList<AdoWorkItemUpdate>> GetUpdatesAsync(string? project, int id, CancellationToken cancellationToken) =>
        ReadSkipPagedAsync<AdoWorkItemUpdate>(
            string.Create(CultureInfo.InvariantCulture, $"{ProjectPrefix(project)}_apis/wit/workItems/{id}/updates?"), options.UpdatesPageSize, cancellationToken);

    /// <summary>
    /// Every comment of a work item, oldest first, following the body's <c>continuationToken</c> (or, when the body has none,
    /// the <c>x-ms-continuationtoken</c> header other list APIs use); null when the server has no comments API.
    /// </summary>
    public async Task<IReadOnlyList<AdoComment>?> GetCommentsAsync(string? project, int id, CancellationToken cancellationToken)
    {
        if (settings.CommentsVersion is not { } version)
        {
            return null;
        }

        var comments = new List<AdoComment>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var path = string.Create(
                CultureInfo.InvariantCulture, $"{ProjectPrefix(project)}_apis/wit/workItems/{id}/comments?$top={options.CommentsPageSize}&order=asc&")
                + (token is null ? string.Empty : $"continuationToken={Uri.EscapeDataString(token)}&");
            var (page, header) = await SendAsync<AdoCommentList>(HttpMethod.Get, path, null, version, cancellationToken);
            comments.AddRange(page.Comments.Where(c => !c.IsDeleted));
            var next = string.IsNullOrEmpty(page.ContinuationToken) ? header : page.ContinuationToken;
            token = string.IsNullOrEmpty(next) || !seenTokens.Add(next) ? null : next;
        }
        while (token is not null);

        return comments;
    }

    private async Task<IReadOnlyList<T>> ReadSkipPagedAsync<T>(string path, int top, CancellationToken cancellationToken)
    {
        var values = new List<T>();
        while (true)
        {
            var (page, _) = await SendAsync<AdoList<T>>(
                HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"{path}$top={top}&$skip={values.Count}&"), null, null, cancellationToken);
            values.AddRange(page.Items);
            if (page.Items.Count < top)
            {
                return values;
            }
        }
    }

    private static string ProjectPrefix(string? project) => project is null ? string.Empty : Escape(project) + "/";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task<(T Value, string? Continuation)> SendAsync<T>(
        HttpMethod method, string path, object? body, string? apiVersion, CancellationToken cancellationToken)
    {
        var separator = path.EndsWith('?') || path.EndsWith('&') ? string.Empty : path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var url = $"{path}{separator}api-version={Uri.EscapeDataString(apiVersion ?? settings.Version)}";
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var what = string.Concat(method.Method, " /", query < 0 ? path : path.AsSpan(0, query));
        var authorization = await GetAuthorizationAsync(cancellationToken);
        using var slot = await limits.EnterAsync(
            connection.Id, options.MaxConcurrentRequestsPerConnection, options.HourlyRequestBudget, cancellationToken);
        var retriesBefore = Stats.Retries;
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("X-TFS-FedAuthRedirect", "Suppress");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: AzureDevOpsJson.Options);
        }

        request.Options.Set(StatsKey, Stats);
        Stats.AddRequest();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            ObserveRateLimit(response);
            var value = await AzureDevOpsResponseReader.ReadAsync<T>(response, what, cancellationToken);
            var continuation = response.Headers.TryGetValues("x-ms-continuationtoken", out var tokens) ? tokens.FirstOrDefault() : null;
            return (value, string.IsNullOrEmpty(continuation) ? null : continuation);
        }
        catch (HttpRequestException ex)
        {
            throw new AzureDevOpsSourceException(
                $"Could not reach Azure DevOps at {http.BaseAddress} for {what}: {ex.Message} Check the base URL and the network.", ex.StatusCode, innerException: ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new AzureDevOpsSourceException(
                $"Azure DevOps did not answer {what} within {options.RequestTimeout.TotalSeconds:0} seconds, even after retries.", null, innerException: ex);
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

        var token = (await secrets.GetAsync(connection.Id, "token", cancellationToken))?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            throw new AzureDevOpsSourceException(
                $"No Azure DevOps personal access token is stored for connection '{connection.Name}'. Add it as the \"token\" secret.");
        }

        // A PAT is the password of Basic authentication with an empty user name.
        return _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(":" + token)));
    }

    private void ObserveRateLimit(HttpResponseMessage response)
    {
        var pause = AzureDevOpsRateLimit.PauseAfter(response, timeProvider, options);
        if (pause > TimeSpan.Zero)
        {
            Stats.AddPause();
            limits.Pause(connection.Id, pause);
            SlowingDown(logger, connection.Name, AzureDevOpsRateLimit.Resource(response), pause.TotalSeconds);
        }
    }

    [LoggerMessage(3201, LogLevel.Warning, "Azure DevOps connection {Connection} is being rate-limited ({Resource}); pausing {Seconds} s before the next request")]
    private static partial void SlowingDown(ILogger logger, string connection, string? resource, double seconds);
}
