namespace BacklogInsight.Domain.Alerts;

/// <summary>The thresholds an organisation or a team sets; a null keeps the value from the level above.</summary>
public sealed record AlertThresholdOverrides
{
    public int? OwnerWindowDays { get; init; }

    public int? DeliveryFloor { get; init; }

    public int? DeliveryFloorPeople { get; init; }

    public double? ThinOwnershipRatio { get; init; }

    public int? StrategyWindowDays { get; init; }

    public int? StrategicFloor { get; init; }

    public int? RollUpMinimumStories { get; init; }

    public double? RollUpShare { get; init; }

    public int? RollUpLookBackDays { get; init; }

    public double? CombinedShare { get; init; }

    public int? CombinedMinimumEach { get; init; }

    public double? SyncStaleFactor { get; init; }

    public int? SyncFailuresInARow { get; init; }

    /// <summary>Every problem with the values set, as (property, message); empty when all are in range.</summary>
    public IReadOnlyList<(string Property, string Message)> Validate()
    {
        var problems = new List<(string, string)>();
        void Range(string name, double? value, double min, double max)
        {
            if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            {
                problems.Add((name, $"{name} must be between {min} and {max}."));
            }
        }

        Range("ownerWindowDays", OwnerWindowDays, 7, 365);
        Range("deliveryFloor", DeliveryFloor, 1, 100_000);
        Range("deliveryFloorPeople", DeliveryFloorPeople, 1, 1000);
        Range("thinOwnershipRatio", ThinOwnershipRatio, 0, 1);
        Range("strategyWindowDays", StrategyWindowDays, 14, 730);
        Range("strategicFloor", StrategicFloor, 0, 100_000);
        Range("rollUpMinimumStories", RollUpMinimumStories, 1, 100_000);
        Range("rollUpShare", RollUpShare, 0, 1);
        Range("rollUpLookBackDays", RollUpLookBackDays, 1, 1460);
        Range("combinedShare", CombinedShare, 0.01, 1);
        Range("combinedMinimumEach", CombinedMinimumEach, 1, 100_000);
        Range("syncStaleFactor", SyncStaleFactor, 1, 100);
        Range("syncFailuresInARow", SyncFailuresInARow, 1, 100);
        return problems;
    }
}
