namespace BacklogInsight.Domain.Model;

/// <summary>Why an activity got its class: the decision, how sure it is, and the rules behind it.</summary>
public sealed record Classification
{
    public required ActivityClass Class { get; init; }

    /// <summary>Between 0 and 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>The id of the deciding rule.</summary>
    public required string RuleId { get; init; }

    /// <summary>Sentences a person understands, most important first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The taxonomy version that produced it, so a newer taxonomy can reclassify.</summary>
    public string? TaxonomyVersion { get; init; }
}
