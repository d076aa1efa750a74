using System.Collections.Frozen;

namespace BacklogInsight.Domain.Classification;

/// <summary>A loaded, validated taxonomy: cue lists, state lists, automation names and the ordered rules.</summary>
public sealed record Taxonomy
{
    public required string Version { get; init; }

    public required ConfidenceSettings Confidence { get; init; }

    public required CueIndex Cues { get; init; }

    /// <summary>Named state lists (<c>acceptance</c>, <c>codeReview</c>, <c>done</c>…), case-insensitive.</summary>
    public required FrozenDictionary<string, FrozenSet<string>> States { get; init; }

    /// <summary>States in which an item counts as not started yet.</summary>
    public required FrozenSet<string> NotStartedStates { get; init; }

    /// <summary>Item types treated as portfolio items whatever their level (a Jira Product Discovery Idea).</summary>
    public required FrozenSet<string> PortfolioItemTypes { get; init; }

    /// <summary>Display names (or their beginnings) of automation accounts.</summary>
    public required IReadOnlyList<string> BotNames { get; init; }

    /// <summary>Fragments that mark an account as automation wherever they appear in its name (<c>[bot]</c>).</summary>
    public required IReadOnlyList<string> BotNameMarkers { get; init; }

    /// <summary>Whole comments, normalised, that carry no content (<c>thanks</c>).</summary>
    public required FrozenSet<string> ContentFreeComments { get; init; }

    /// <summary>Rules in precedence order; the first that matches decides, the last matches everything.</summary>
    public required IReadOnlyList<TaxonomyRule> Rules { get; init; }
}
