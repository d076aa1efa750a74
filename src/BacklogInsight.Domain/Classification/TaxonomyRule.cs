using System.Collections.Frozen;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// One rule of the taxonomy: conditions that must all hold (an empty condition always holds), the class it
/// gives, and the reason shown to people. Lists within one condition are alternatives.
/// </summary>
public sealed record TaxonomyRule
{
    /// <summary>Stable id such as <c>P4.rank.portfolio</c>; the prefix names the precedence step of taxonomy §3.</summary>
    public required string Id { get; init; }

    public required ActivityClass Class { get; init; }

    /// <summary>Template with holes <c>{field}</c>, <c>{type}</c>, <c>{level}</c>, <c>{actor}</c>, <c>{from}</c>, <c>{to}</c>, <c>{class}</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>Signals this rule decides on; they are not counted again as agreeing evidence.</summary>
    public RuleSignals DecidedBy { get; init; }

    /// <summary>A fixed confidence (bots, automation) instead of the §4 computation.</summary>
    public double? Confidence { get; init; }

    /// <summary>A ceiling on the computed confidence (fallback rules).</summary>
    public double? MaxConfidence { get; init; }

    /// <summary>Bit per <see cref="ActivityKind"/>; 0 matches any.</summary>
    public int KindMask { get; init; }

    /// <summary>Bit per <see cref="CanonicalField"/>; 0 matches any.</summary>
    public long FieldMask { get; init; }

    public FrozenSet<string>? SourceFields { get; init; }

    public FrozenSet<string>? ExceptSourceFields { get; init; }

    /// <summary>Bit per <see cref="ItemScope"/>; 0 matches any.</summary>
    public int ScopeMask { get; init; }

    /// <summary>Bit per <see cref="ActorRelation"/>; 0 matches any.</summary>
    public int ActorMask { get; init; }

    public FrozenSet<string>? ItemTypes { get; init; }

    public bool? Started { get; init; }

    public bool? HasText { get; init; }

    public bool? ContentFree { get; init; }

    public IReadOnlyList<FrozenSet<string>>? From { get; init; }

    public IReadOnlyList<FrozenSet<string>>? To { get; init; }

    /// <summary>State lists the item's current status must be in.</summary>
    public IReadOnlyList<FrozenSet<string>>? Status { get; init; }

    public IReadOnlyList<CueCondition> Cues { get; init; } = [];

    /// <summary>True when the rule has no condition at all, as the last rule must.</summary>
    public bool IsCatchAll =>
        KindMask == 0 && FieldMask == 0 && SourceFields is null && ExceptSourceFields is null && ScopeMask == 0 &&
        ActorMask == 0 && ItemTypes is null && Started is null && HasText is null && ContentFree is null &&
        From is null && To is null && Status is null && Cues.Count == 0;
}
