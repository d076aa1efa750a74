using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// What mapping a project's work items needs: which team owns an area path, which iteration a path names, the backlog
/// level of each type and the category of each state. Built from the project's teams, their team field values and
/// iterations, and its backlog configuration; process-neutral names fill the gaps.
/// </summary>
public sealed class AzureDevOpsProjectContext(IReadOnlyList<AzureDevOpsTeamRule>? teamMap = null)
{
    private readonly IReadOnlyList<AzureDevOpsTeamRule> _teamMap = teamMap ?? [];
    private readonly List<(string TeamId, AdoTeamFieldValue Area)> _areas = [];
    private readonly Dictionary<string, string> _iterationByPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _levelByType = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _statesByType = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty context: names alone decide levels and categories.</summary>
    public static AzureDevOpsProjectContext Empty => new();

    /// <summary>Adds a team's areas (only when its team field is the area path) and iterations.</summary>
    public void AddTeam(string teamId, AdoTeamFieldValues? fieldValues, IEnumerable<AdoIteration> iterations)
    {
        if (fieldValues is not null
            && (fieldValues.Field?.ReferenceName is null || string.Equals(fieldValues.Field.ReferenceName, "System.AreaPath", StringComparison.OrdinalIgnoreCase)))
        {
            _areas.AddRange(fieldValues.Values.Select(v => (teamId, v)));
        }

        foreach (var iteration in iterations)
        {
            if (iteration.Path is { } path)
            {
                _iterationByPath.TryAdd(path, iteration.Id);
            }
        }
    }

    /// <summary>Learns the levels (task -1, requirement 0, portfolio 1, 2, … by rank) and state categories.</summary>
    public void AddBacklogConfiguration(AdoBacklogConfiguration configuration)
    {
        SetLevel(configuration.TaskBacklog, -1);
        SetLevel(configuration.RequirementBacklog, 0);
        var level = 1;
        foreach (var portfolio in configuration.PortfolioBacklogs.OrderBy(p => p.Rank))
        {
            SetLevel(portfolio, level++);
        }

        foreach (var type in configuration.WorkItemTypeMappedStates)
        {
            if (type.WorkItemTypeName is { } name)
            {
                _statesByType[name] = new Dictionary<string, string>(type.States, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>
    /// The team that owns an item: with a configured team mapping, the first rule that matches it; otherwise the Azure
    /// DevOps team whose area holds the item's area path.
    /// </summary>
    public string? TeamOf(string? project, string? areaPath, string? type, IReadOnlyList<string> tags) =>
        _teamMap.Count == 0 ? TeamOf(areaPath) : _teamMap.FirstOrDefault(r => r.Matches(project, areaPath, type, tags))?.TeamId;

    /// <summary>The team whose area holds <paramref name="areaPath"/>: exact or (with children) prefix, longest match first.</summary>
    public string? TeamOf(string? areaPath)
    {
        if (string.IsNullOrEmpty(areaPath))
        {
            return null;
        }

        return _areas
            .Where(a => string.Equals(a.Area.Value, areaPath, StringComparison.OrdinalIgnoreCase)
                || (a.Area.IncludeChildren && areaPath.StartsWith(a.Area.Value + "\\", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(a => a.Area.Value.Length)
            .Select(a => a.TeamId)
            .FirstOrDefault();
    }

    /// <summary>The id of the team iteration whose path is <paramref name="iterationPath"/>.</summary>
    public string? SprintOf(string? iterationPath) =>
        iterationPath is not null && _iterationByPath.TryGetValue(iterationPath, out var id) ? id : null;

    /// <summary>The backlog level of a type: Task -1; PBI, User Story, Bug, Requirement, Issue 0; Feature 1; Epic 2.</summary>
    public int LevelOf(string? type) => type is not null && _levelByType.TryGetValue(type, out var level)
        ? level
        : type?.ToUpperInvariant() switch
        {
            "TASK" => -1,
            "FEATURE" => 1,
            "EPIC" => 2,
            _ => 0,
        };

    /// <summary>The category of a state: Proposed → to do, InProgress and Resolved → in progress, Completed and Removed → done.</summary>
    public StatusCategory CategoryOf(string? type, string? state)
    {
        if (state is null)
        {
            return StatusCategory.Unknown;
        }

        var category = type is not null && _statesByType.TryGetValue(type, out var states) && states.TryGetValue(state, out var known)
            ? known
            : state;
        return category.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "PROPOSED" or "NEW" or "TODO" or "APPROVED" => StatusCategory.ToDo,
            "INPROGRESS" or "RESOLVED" or "ACTIVE" or "COMMITTED" or "DOING" => StatusCategory.InProgress,
            "COMPLETED" or "REMOVED" or "CLOSED" or "DONE" => StatusCategory.Done,
            _ => StatusCategory.Unknown,
        };
    }

    private void SetLevel(AdoBacklogLevel? backlog, int level)
    {
        foreach (var type in backlog?.WorkItemTypes ?? [])
        {
            if (type.Name is { } name)
            {
                _levelByType.TryAdd(name, level);
            }
        }
    }
}
