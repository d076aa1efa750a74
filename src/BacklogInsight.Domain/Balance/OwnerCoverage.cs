namespace BacklogInsight.Domain.Balance;

/// <summary>
/// Who covers a team's product roles: who did owner (tactical) work on its backlog and who did strategic work,
/// how much and when last (role-taxonomy.md §5).
/// </summary>
public sealed record OwnerCoverage
{
    /// <summary>People with tactical work in the period, or a last tactical instant, most active first.</summary>
    public required IReadOnlyList<CoverageEntry> OwnerWork { get; init; }

    /// <summary>People with strategic work in the period, or a last strategic instant, most active first.</summary>
    public required IReadOnlyList<CoverageEntry> StrategicWork { get; init; }

    public DateTimeOffset? LastOwnerWorkAt { get; init; }

    public DateTimeOffset? LastStrategicWorkAt { get; init; }

    /// <summary>The configured owner (<c>Team.OwnerSourceId</c>), when there is one.</summary>
    public string? DesignatedOwnerSourceId { get; init; }

    /// <summary>Whether the designated owner did tactical work in the period; null when no owner is designated.</summary>
    public bool? DesignatedOwnerActive { get; init; }

    /// <summary>Whoever did the most owner work, designated or not; null when nobody did any in the period.</summary>
    public CoverageEntry? DeFactoOwner => OwnerWork.FirstOrDefault(e => e.Count > 0);

    /// <summary>Builds the coverage from each person's summary on one team's backlog.</summary>
    public static OwnerCoverage From(IEnumerable<PersonActivitySummary> people, string? designatedOwnerSourceId = null)
    {
        var list = people.ToList();
        var owners = Entries(list, p => p.Counts.Tactical, p => p.LastTacticalAt);
        var strategists = Entries(list, p => p.Counts.Strategic, p => p.LastStrategicAt);
        return new OwnerCoverage
        {
            OwnerWork = owners,
            StrategicWork = strategists,
            LastOwnerWorkAt = owners.Max(e => e.LastAt),
            LastStrategicWorkAt = strategists.Max(e => e.LastAt),
            DesignatedOwnerSourceId = designatedOwnerSourceId,
            DesignatedOwnerActive = designatedOwnerSourceId is null
                ? null
                : owners.Any(e => e.PersonSourceId == designatedOwnerSourceId && e.Count > 0),
        };
    }

    private static List<CoverageEntry> Entries(
        List<PersonActivitySummary> people, Func<PersonActivitySummary, int> count, Func<PersonActivitySummary, DateTimeOffset?> lastAt) =>
    [
        .. people.Where(p => count(p) > 0 || lastAt(p) is not null)
            .Select(p => new CoverageEntry(p.PersonSourceId, p.DisplayName, count(p), lastAt(p)))
            .OrderByDescending(e => e.Count)
            .ThenByDescending(e => e.LastAt)
            .ThenBy(e => e.DisplayName, StringComparer.Ordinal),
    ];
}
