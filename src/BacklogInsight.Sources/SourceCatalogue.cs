using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources;

/// <summary>What a source holds besides its work items: its teams, people and sprints.</summary>
public sealed record SourceCatalogue
{
    public required IReadOnlyList<Team> Teams { get; init; }

    public required IReadOnlyList<Person> People { get; init; }

    public required IReadOnlyList<Sprint> Sprints { get; init; }

    /// <summary>HTTP requests this discovery cost.</summary>
    public int Requests { get; init; }
}
