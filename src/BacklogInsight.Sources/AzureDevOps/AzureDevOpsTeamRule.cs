namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// One team of a configured team mapping (setting <c>teamMap</c>), used instead of the organisation's own teams: the
/// work items of <see cref="Project"/> (any project when null) under one of <see cref="AreaPaths"/> (with the areas
/// below them unless <see cref="IncludeChildren"/> is false; the whole project when empty), optionally only of
/// <see cref="Types"/> and carrying one of <see cref="Tags"/>. The first rule that matches an item owns it.
/// </summary>
public sealed record AzureDevOpsTeamRule
{
    /// <summary>The team's name, as reports show it; also its identity (<c>map:{name}</c>).</summary>
    public required string Team { get; init; }

    public string? Project { get; init; }

    public IReadOnlyList<string> AreaPaths { get; init; } = [];

    public bool IncludeChildren { get; init; } = true;

    public IReadOnlyList<string> Types { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The source id of the mapped team.</summary>
    public string TeamId => "map:" + Team;

    /// <summary>True when the rule claims an item of this project, area, type and tags.</summary>
    public bool Matches(string? project, string? areaPath, string? type, IReadOnlyList<string> tags) =>
        (Project is null || string.Equals(Project, project, StringComparison.OrdinalIgnoreCase))
        && (AreaPaths.Count == 0 || AreaPaths.Any(a => Covers(a, areaPath)))
        && (Types.Count == 0 || Types.Contains(type ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        && (Tags.Count == 0 || Tags.Any(t => tags.Contains(t, StringComparer.OrdinalIgnoreCase)));

    private bool Covers(string area, string? areaPath) =>
        areaPath is not null
        && (string.Equals(area, areaPath, StringComparison.OrdinalIgnoreCase)
            || (IncludeChildren && areaPath.StartsWith(area.TrimEnd('\\') + "\\", StringComparison.OrdinalIgnoreCase)));
}
