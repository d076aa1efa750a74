namespace BacklogInsight.Domain.Alerts;

/// <summary>One rule's conclusion about one team (or connection), in plain words.</summary>
public sealed record AlertFinding
{
    public required AlertRule Rule { get; init; }

    public required FindingOutcome Outcome { get; init; }

    /// <summary>One sentence: what is wrong (raised) or why nothing is (otherwise).</summary>
    public required string Summary { get; init; }

    /// <summary>The evidence: last owner activity (who, what, when) and the numbers that tripped the rule.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>When the condition began holding, as far as the data shows; null when it cannot be dated.</summary>
    public DateTimeOffset? Since { get; init; }
}
