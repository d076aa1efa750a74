namespace BacklogInsight.Domain.Alerts;

/// <summary>
/// The thresholds of the alert rules (role-taxonomy.md §5). Organisation values come from configuration
/// (<c>Alerts:Rules:*</c>) and the stored organisation overrides; a team may override any of them.
/// </summary>
public sealed record AlertThresholds
{
    /// <summary>Days the owner rules look back. Default 28: two two-week sprints, so one holiday week does not trigger.</summary>
    public int OwnerWindowDays { get; init; } = 28;

    /// <summary>Delivery activities in the owner window below which a team is not judged. Default 15: keeps quiet teams unflagged.</summary>
    public int DeliveryFloor { get; init; } = 15;

    /// <summary>People who must have done delivery work in the owner window. Default 2: one person is not a team at work.</summary>
    public int DeliveryFloorPeople { get; init; } = 2;

    /// <summary>Owner decisions ÷ delivery activities under which ownership is thin. Default 0.05.</summary>
    public double ThinOwnershipRatio { get; init; } = 0.05;

    /// <summary>Days the strategy rule looks back. Default 90: roadmaps and OKRs change quarterly; a month without strategy is normal.</summary>
    public int StrategyWindowDays { get; init; } = 90;

    /// <summary>Strategic activities in the strategy window at or under which a team lacks direction. Default 2.</summary>
    public int StrategicFloor { get; init; } = 2;

    /// <summary>Stories completed in the strategy window before the roll-up test applies. Default 10.</summary>
    public int RollUpMinimumStories { get; init; } = 10;

    /// <summary>Share of completed stories that must roll up to a recently strategic ancestor. Default 0.30.</summary>
    public double RollUpShare { get; init; } = 0.30;

    /// <summary>How old an ancestor's strategic work may be and still give direction. Default 180: last quarter's roadmap still counts.</summary>
    public int RollUpLookBackDays { get; init; } = 180;

    /// <summary>Share of both the team's strategic and owner work one person must carry for a combined role. Default 0.50.</summary>
    public double CombinedShare { get; init; } = 0.50;

    /// <summary>The fewest strategic and the fewest owner activities of that person in the strategy window. Default 10.</summary>
    public int CombinedMinimumEach { get; init; } = 10;

    /// <summary>A connection is stale when its last successful sync is older than this many times its schedule. Default 2.</summary>
    public double SyncStaleFactor { get; init; } = 2;

    /// <summary>Finished runs in a row that must all have failed for a failing sync. Default 3: one failure is weather.</summary>
    public int SyncFailuresInARow { get; init; } = 3;

    /// <summary>These values with every value <paramref name="overrides"/> sets replacing the one here.</summary>
    public AlertThresholds With(AlertThresholdOverrides? overrides) => overrides is null ? this : new AlertThresholds
    {
        OwnerWindowDays = overrides.OwnerWindowDays ?? OwnerWindowDays,
        DeliveryFloor = overrides.DeliveryFloor ?? DeliveryFloor,
        DeliveryFloorPeople = overrides.DeliveryFloorPeople ?? DeliveryFloorPeople,
        ThinOwnershipRatio = overrides.ThinOwnershipRatio ?? ThinOwnershipRatio,
        StrategyWindowDays = overrides.StrategyWindowDays ?? StrategyWindowDays,
        StrategicFloor = overrides.StrategicFloor ?? StrategicFloor,
        RollUpMinimumStories = overrides.RollUpMinimumStories ?? RollUpMinimumStories,
        RollUpShare = overrides.RollUpShare ?? RollUpShare,
        RollUpLookBackDays = overrides.RollUpLookBackDays ?? RollUpLookBackDays,
        CombinedShare = overrides.CombinedShare ?? CombinedShare,
        CombinedMinimumEach = overrides.CombinedMinimumEach ?? CombinedMinimumEach,
        SyncStaleFactor = overrides.SyncStaleFactor ?? SyncStaleFactor,
        SyncFailuresInARow = overrides.SyncFailuresInARow ?? SyncFailuresInARow,
    };
}
