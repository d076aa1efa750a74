namespace BacklogInsight.Domain.Reports;

/// <summary>One product decision worth naming in a weekly report, with a link back to the item.</summary>
public sealed record NotableActivity
{
    public required NotableActivityKind Kind { get; init; }

    public required string ItemKey { get; init; }

    public required string ItemTitle { get; init; }

    /// <summary>The item in its tracker; renderers link only to http and https addresses.</summary>
    public string? ItemUrl { get; init; }

    public required string ActorDisplayName { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What happened, in words: "Ready for Acceptance → Done", "ranked above PAY-12".</summary>
    public required string Description { get; init; }
}
