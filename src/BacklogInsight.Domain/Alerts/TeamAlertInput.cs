namespace BacklogInsight.Domain.Alerts;

/// <summary>Everything the team rules read about one team, gathered by aggregate queries in the database.</summary>
public sealed record TeamAlertInput
{
    public required long TeamId { get; init; }

    public required string TeamName { get; init; }

    public Guid ConnectionId { get; init; }

    public TeamOwner? DesignatedOwner { get; init; }

    /// <summary>The team's first stored activity; null when it has none. Shorter history than a window is insufficient data.</summary>
    public DateTimeOffset? FirstActivityAt { get; init; }

    /// <summary>Everyone with work on the backlog in the windows or a last owner or strategic instant, bots included and marked.</summary>
    public IReadOnlyList<PersonWork> People { get; init; } = [];

    /// <summary>The latest owner (tactical) activity by a human on the backlog, told in words; null when there is none.</summary>
    public LastActivity? LastOwnerDecision { get; init; }

    /// <summary>Stories completed in the strategy window; null when not measured.</summary>
    public int? CompletedStories { get; init; }

    /// <summary>Of <see cref="CompletedStories"/>, those under an ancestor with strategic work in the roll-up look-back.</summary>
    public int? CompletedStoriesRollingUp { get; init; }
}
