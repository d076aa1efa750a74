using System.Runtime.CompilerServices;
using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// An Azure DevOps organisation (Services) or collection (Server) behind <see cref="IBacklogSource"/>: discovery of
/// teams, iterations and people, and an incremental, resumable read of changed work items with their complete
/// update history and comments. Changed ids come from WIQL in <c>System.ChangedDate</c> windows, details from
/// <c>workitemsbatch</c> (≤ 200 ids, deleted ids omitted), history from the updates API.
/// </summary>
public sealed partial class AzureDevOpsSource(
    Connection connection,
    AzureDevOpsClient client,
    AzureDevOpsOptions options,
    TimeProvider timeProvider,
    ILogger<AzureDevOpsSource> logger) : IBacklogSource, ISingleItemSource, IDeletionSweepSource
{
    /// <summary>The scope key of an organisation-wide query (no project followed).</summary>
    private const string OrganisationScope = "*";

    /// <summary>Below this a window that still matches too many items cannot be split further.</summary>
    private static readonly TimeSpan SmallestWindow = TimeSpan.FromSeconds(1);

    private readonly AzureDevOpsConnectionSettings _settings = client.Settings;
    private readonly AzureDevOpsMapper _mapper = new(connection);
    /// <summary>The first id range of a sweep that the server found too large to list at once.</summary>
    private const long InitialIdSpan = 1 << 20;

    private int? _retriesBeforeDiscovery;

    private readonly Dictionary<string, Task<AzureDevOpsProjectContext>> _contexts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Per followed project: its teams (or the configured team mapping) with their areas and administrators, the
    /// iterations each team selected with dates and time frames, the members as people (service accounts marked), and
    /// the backlog levels and state categories of its process. What is read here also maps the work items of the run.
    /// </summary>
    public async Task<SourceCatalogue> DiscoverAsync(CancellationToken cancellationToken)
    {
        var before = client.Stats.Requests;
        _retriesBeforeDiscovery ??= client.Stats.Retries;
        var discovery = new Discovery(timeProvider.GetUtcNow());
        foreach (var project in await ReadProjectsAsync(cancellationToken))
        {
            _contexts[project.Name] = Task.FromResult(await ReadContextAsync(project.Name, discovery, cancellationToken));
        }

        var teams = _settings.TeamMap.Count == 0 ? discovery.Teams : [.. _settings.TeamMap.Select(_mapper.ToTeam)];
        return new SourceCatalogue
        {
            Teams = teams,
            People = [.. discovery.People.Values],
            Sprints = [.. discovery.Sprints.Values],
            Requests = client.Stats.Requests - before,
        };
    }

    /// <summary>
    /// One work item now, with its complete history and comments; <see cref="SingleItemRead.Change"/> is null when Azure
    /// DevOps no longer has it (deleted, or not readable by the token) or it lies outside the followed projects.
    /// </summary>
    public async Task<SingleItemRead> ReadItemAsync(string sourceId, CancellationToken cancellationToken)
    {
        if (!int.TryParse(sourceId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException($"'{sourceId}' is not an Azure DevOps work item id.");
        }

        var requests = client.Stats.Requests;
        var retries = client.Stats.Retries;
        var items = (await client.GetWorkItemsAsync(null, [id], cancellationToken))
            .Where(i => _settings.FollowedProjects.Count == 0
                || _settings.FollowedProjects.Contains(AdoValue.Text(i.Fields, "System.TeamProject") ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var changes = await ToChangesAsync(items, null, cancellationToken);
        return new SingleItemRead
        {
            Change = changes.SingleOrDefault(),
            Requests = client.Stats.Requests - requests,
            Retries = client.Stats.Retries - retries,
        };
    }

    /// <summary>
    /// The ids of every work item of the followed projects (or the organisation) now, by WIQL keyset on
    /// <c>System.Id</c>; an id range that matches more than the server's cap is narrowed until it does not.
    /// </summary>
    public async IAsyncEnumerable<LiveItemPage> ListLiveIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<string?> scopes = _settings.FollowedProjects.Count == 0 ? [null] : [.. _settings.FollowedProjects];
        foreach (var project in scopes)
        {
            var last = 0L;
            long? span = null;
            long? lastSpan = null;
            while (true)
            {
                var requests = client.Stats.Requests;
                var retries = client.Stats.Retries;
                int[] ids;
                try
                {
                    var result = await client.QueryAsync(project, AzureDevOpsWiql.IdsAfter(project, last, span is { } s ? last + s : null), cancellationToken);
                    ids = [.. result.WorkItems.Select(w => w.Id).Distinct().Order()];
                }
                catch (AzureDevOpsSourceException ex) when (ex.ErrorCode == AzureDevOpsSourceException.QueryTooLarge)
                {
                    span = span is { } narrower ? narrower / 2 : lastSpan ?? InitialIdSpan;
                    if (span < 1)
                    {
                        throw;
                    }

                    continue;
                }

                yield return new LiveItemPage
                {
                    Items = [.. ids.Select(i => new LiveWorkItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
                    Requests = client.Stats.Requests - requests,
                    Retries = client.Stats.Retries - retries,
                };
                if (ids.Length >= options.WiqlTop)
                {
                    last = ids[^1];
                }
                else if (span is { } bounded)
                {
                    // The bounded range is exhausted: try the rest unbounded again, narrowing as before if it is still too large.
                    last += bounded;
                    lastSpan = bounded;
                    span = null;
                }
                else
                {
                    break;
                }
            }
        }
    }

    /// <exception cref="FormatException"><paramref name="since"/> was not written by the Azure DevOps source.</exception>
    public IAsyncEnumerable<ChangePage> ReadChangesAsync(SyncCheckpoint? since, CancellationToken cancellationToken)
    {
        // Parsed eagerly so a bad checkpoint fails at the call, not at the first MoveNextAsync.
        var from = since is null ? AzureDevOpsCheckpoint.Empty : AzureDevOpsCheckpoint.Parse(since);
        return ReadPagesAsync(from, cancellationToken);
    }

    private async IAsyncEnumerable<ChangePage> ReadPagesAsync(
        AzureDevOpsCheckpoint checkpoint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = client.Stats.Requests;

        // The catalogue has no retry count: retries made while discovering are reported with the first page.
        var retries = _retriesBeforeDiscovery ?? client.Stats.Retries;
        _retriesBeforeDiscovery = null;
        IReadOnlyList<string> scopes = _settings.FollowedProjects.Count == 0 ? [OrganisationScope] : _settings.FollowedProjects;
        foreach (var scope in scopes)
        {
            var project = scope == OrganisationScope ? null : scope;
            while (true)
            {
                var mark = checkpoint.MarkOf(scope);
                var (ids, asOf, more) = await QueryIdsAsync(
                    project, mark?.Changed ?? options.InitialChangedSince, null, mark?.Ids ?? [], cancellationToken);
                var before = checkpoint;
                foreach (var chunk in ids.Chunk(options.BatchSize))
                {
                    var items = await client.GetWorkItemsAsync(project, chunk, cancellationToken);
                    var changes = await ToChangesAsync(items, project, cancellationToken);

                    // An item changed again after the query ran may now sort after ids not read yet: it does not move the mark.
                    var next = checkpoint.Advance(scope, items
                        .Select(i => (i.Id, Changed: AdoValue.Date(i.Fields.GetValueOrDefault("System.ChangedDate"))))
                        .Where(i => i.Changed is { } changed && (asOf is null || changed <= asOf))
                        .Select(i => (i.Id, i.Changed!.Value)));
                    if (changes.Count == 0 && next == checkpoint)
                    {
                        continue;
                    }

                    checkpoint = next;
                    yield return new ChangePage
                    {
                        Changes = changes,
                        Checkpoint = checkpoint.ToSyncCheckpoint(),
                        Requests = client.Stats.Requests - requests,
                        Retries = client.Stats.Retries - retries,
                    };
                    requests = client.Stats.Requests;
                    retries = client.Stats.Retries;
                }

                if (!more || ids.Length == 0)
                {
                    break;
                }

                if (checkpoint == before)
                {
                    NoProgress(logger, connection.Name, scope);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The ids changed in [<paramref name="from"/>, <paramref name="until"/>), oldest change first. When the server says
    /// the query matches too many items (VS402337), the window is halved and the earliest half with items is returned;
    /// <c>More</c> then says that later items remain for another query.
    /// </summary>
    private async Task<(int[] Ids, DateTimeOffset? AsOf, bool More)> QueryIdsAsync(
        string? project, DateTimeOffset from, DateTimeOffset? until, IReadOnlyList<int> storedAtFrom, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.QueryAsync(project, AzureDevOpsWiql.ChangedBetween(project, from, until, storedAtFrom), cancellationToken);
            var ids = result.WorkItems.Select(w => w.Id).Distinct().ToArray();
            return (ids, result.AsOf, until is not null || ids.Length >= options.WiqlTop);
        }
        catch (AzureDevOpsSourceException ex) when (ex.ErrorCode == AzureDevOpsSourceException.QueryTooLarge)
        {
            var end = until ?? timeProvider.GetUtcNow().AddDays(1);
            if (end - from < SmallestWindow)
            {
                throw new AzureDevOpsSourceException(
                    $"More work items changed between {from:O} and {end:O} than Azure DevOps returns for one query; "
                    + "follow fewer projects per connection or raise the server's query limit.", ex.StatusCode, ex.ErrorCode, ex);
            }

            var middle = from + TimeSpan.FromMilliseconds(Math.Floor((end - from).TotalMilliseconds / 2));
            WindowSplit(logger, connection.Name, from, end);
            var earlier = await QueryIdsAsync(project, from, middle, storedAtFrom, cancellationToken);
            return earlier.Ids.Length > 0 ? earlier with { More = true } : await QueryIdsAsync(project, middle, end, [], cancellationToken);
        }
    }

    /// <summary>
    /// Reads each item's updates and comments (bounded parallelism) and maps each item as soon as its history is read;
    /// all or nothing. The project contexts are resolved first, so the parsed history of an item dies young (gen 0)
    /// instead of living through the whole page: far less garbage-collection work and a smaller heap.
    /// </summary>
    private async Task<List<WorkItemChange>> ToChangesAsync(IReadOnlyList<AdoWorkItem> items, string? scopeProject, CancellationToken cancellationToken)
    {
        var contexts = new AzureDevOpsProjectContext[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var project = AdoValue.Text(items[i].Fields, "System.TeamProject") ?? scopeProject;
            contexts[i] = project is null ? new AzureDevOpsProjectContext(_settings.TeamMap) : await ContextOfAsync(project, cancellationToken);
        }

        var changes = new WorkItemChange?[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentRequestsPerConnection, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var item = items[index];
                var project = AdoValue.Text(item.Fields, "System.TeamProject") ?? scopeProject;
                try
                {
                    var updates = await client.GetUpdatesAsync(project, item.Id, ct);
                    var comments = AdoValue.Int(item.Fields, "System.CommentCount") is > 0
                        ? await client.GetCommentsAsync(project, item.Id, ct)
                        : [];
                    changes[index] = new WorkItemChange(_mapper.ToWorkItem(item, contexts[index]), _mapper.ToActivities(item, updates, comments));
                }
                catch (AzureDevOpsSourceException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound && ex.ErrorCode == "TF401232")
                {
                    // Deleted between the batch and its history: the deletion sweep reconciles it; the page goes on without it.
                    ItemVanished(logger, connection.Name, item.Id);
                }
            });

        var read = new List<WorkItemChange>(items.Count);
        foreach (var change in changes)
        {
            if (change is not null)
            {
                read.Add(change);
            }
        }

        return read;
    }

    /// <summary>The teams' areas and iterations and the backlog configuration of a project, read once per run.</summary>
    private Task<AzureDevOpsProjectContext> ContextOfAsync(string project, CancellationToken cancellationToken)
    {
        if (!_contexts.TryGetValue(project, out var context))
        {
            context = ReadContextAsync(project, null, cancellationToken);
            _contexts[project] = context;
        }

        return context;
    }

    /// <summary>
    /// Reads a project's followed teams with their areas and iterations, and its backlog configuration; with
    /// <paramref name="discovery"/>, also the teams' members, administrators and sprints.
    /// </summary>
    private async Task<AzureDevOpsProjectContext> ReadContextAsync(string project, Discovery? discovery, CancellationToken cancellationToken)
    {
        var context = new AzureDevOpsProjectContext(_settings.TeamMap);
        var teams = (await client.GetTeamsAsync(project, cancellationToken)).Where(_settings.FollowsTeam).ToList();
        var sprintTeam = _settings.TeamMap.FirstOrDefault(r => r.Project is null || string.Equals(r.Project, project, StringComparison.OrdinalIgnoreCase))?.TeamId;
        foreach (var team in teams)
        {
            var iterations = await client.GetIterationsAsync(project, team.Id, cancellationToken);
            context.AddTeam(team.Id, await client.GetTeamFieldValuesAsync(project, team.Id, cancellationToken), iterations);
            if (discovery is null)
            {
                continue;
            }

            string? owner = null;
            foreach (var member in await client.GetTeamMembersAsync(project, team.Id, cancellationToken))
            {
                if (_mapper.ToPerson(AdoIdentity.From(member.Identity)) is { } person)
                {
                    discovery.People[person.SourceId] = person;
                    owner ??= member.IsTeamAdmin ? person.SourceId : null;
                }
            }

            discovery.Teams.Add(_mapper.ToTeam(team, owner));
            if ((_settings.TeamMap.Count == 0 ? team.Id : sprintTeam) is { } sprintOwner)
            {
                foreach (var iteration in iterations)
                {
                    discovery.Sprints.TryAdd(iteration.Id, _mapper.ToSprint(iteration, sprintOwner, discovery.Now));
                }
            }
        }

        if (teams.Count > 0)
        {
            try
            {
                context.AddBacklogConfiguration(await client.GetBacklogConfigurationAsync(project, teams[0].Id, cancellationToken));
            }
            catch (AzureDevOpsSourceException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Older servers lack backlog configuration: levels and categories then come from the usual type and state names.
                NoBacklogConfiguration(logger, connection.Name, project);
            }
        }

        return context;
    }

    private async Task<IReadOnlyList<AdoProject>> ReadProjectsAsync(CancellationToken cancellationToken)
    {
        var all = await client.GetProjectsAsync(cancellationToken);
        if (_settings.FollowedProjects.Count == 0)
        {
            return all;
        }

        var missing = _settings.FollowedProjects
            .Where(p => !all.Any(a => string.Equals(a.Name, p, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Id, p, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new AzureDevOpsSourceException(
                $"The token sees no project named {string.Join(", ", missing.Select(m => $"'{m}'"))} among the {all.Count} project(s) of "
                + $"{connection.BaseUrl}. Check the \"projects\" setting (names may have been renamed) and the token's access.");
        }

        return [.. all.Where(a => _settings.FollowedProjects.Any(p =>
            string.Equals(a.Name, p, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Id, p, StringComparison.OrdinalIgnoreCase)))];
    }

    [LoggerMessage(3304, LogLevel.Information, "Azure DevOps connection {Connection}: work item {Id} vanished while it was read; the deletion sweep reconciles it")]
    private static partial void ItemVanished(ILogger logger, string connection, int id);

    [LoggerMessage(3301, LogLevel.Information, "Azure DevOps connection {Connection}: too many work items changed between {From} and {Until}; splitting the window")]
    private static partial void WindowSplit(ILogger logger, string connection, DateTimeOffset from, DateTimeOffset until);

    [LoggerMessage(3302, LogLevel.Warning, "Azure DevOps connection {Connection}: the query of {Scope} made no progress; the rest is read next run")]
    private static partial void NoProgress(ILogger logger, string connection, string scope);

    [LoggerMessage(3303, LogLevel.Warning, "Azure DevOps connection {Connection}: project {Project} has no backlog configuration; levels and state categories come from type and state names")]
    private static partial void NoBacklogConfiguration(ILogger logger, string connection, string project);

    /// <summary>What discovery collects across projects.</summary>
    private sealed record Discovery(DateTimeOffset Now)
    {
        public List<Team> Teams { get; } = [];

        public Dictionary<string, Person> People { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Sprint> Sprints { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
