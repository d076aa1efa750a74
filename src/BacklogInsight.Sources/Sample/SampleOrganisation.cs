using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>A generated product organisation: a pure function of the seed and the anchor.</summary>
public sealed class SampleOrganisation
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>The start of the generated history (exclusive): sixteen weeks before <see cref="Now"/>.</summary>
    public DateTimeOffset WindowStart => Now - SampleGenerator.History;

    public required IReadOnlyList<SampleTeamProfile> Profiles { get; init; }

    public required IReadOnlyList<Team> Teams { get; init; }

    public required IReadOnlyList<Person> People { get; init; }

    public required Person Bot { get; init; }

    public required IReadOnlyList<Sprint> Sprints { get; init; }

    /// <summary>Every work item as it is at <see cref="Now"/>, in creation order.</summary>
    public required IReadOnlyList<WorkItem> Items { get; init; }

    /// <summary>Every activity, ordered by time and then by source key (ordinal).</summary>
    public required IReadOnlyList<Activity> Activities { get; init; }

    /// <summary>The items by their source id.</summary>
    public required IReadOnlyDictionary<string, WorkItem> ItemsById { get; init; }
}
