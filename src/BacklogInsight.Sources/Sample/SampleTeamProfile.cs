using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>Who plays which role in a generated team, and when the roles stop acting; the ground truth tests check.</summary>
public sealed record SampleTeamProfile
{
    public required Team Team { get; init; }

    public required SampleTeamSituation Situation { get; init; }

    /// <summary>The person doing the strategic work; the same as <see cref="ProductOwner"/> for a combined role.</summary>
    public required Person ProductManager { get; init; }

    /// <summary>The designated owner (<see cref="Team.OwnerSourceId"/>).</summary>
    public required Person ProductOwner { get; init; }

    public required IReadOnlyList<Person> Developers { get; init; }

    /// <summary>From this instant the owner and the product manager no longer act on the team's items.</summary>
    public DateTimeOffset? OwnerGoneAt { get; init; }

    /// <summary>From this instant nobody does strategic work for the team.</summary>
    public DateTimeOffset? StrategyEndsAt { get; init; }

    /// <summary>The status a story waits in for the owner's acceptance.</summary>
    public required string AcceptanceStatus { get; init; }

    /// <summary>Whether stories pass a QA status after code review.</summary>
    public bool HasQa { get; init; }

    /// <summary>Whether the owner may act at <paramref name="at"/> (an hour of margin around the cut-off).</summary>
    public bool OwnerActs(DateTimeOffset at) => OwnerGoneAt is not { } gone || at < gone.AddHours(-1);

    /// <summary>Whether strategic work may happen at <paramref name="at"/>.</summary>
    public bool StrategyActs(DateTimeOffset at) =>
        OwnerActs(at) && (StrategyEndsAt is not { } end || at < end.AddHours(-1));
}
