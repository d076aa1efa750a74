namespace BacklogInsight.Domain.Balance;

/// <summary>One person's activity in one team and ISO week, and the role it looks like.</summary>
public sealed record RoleProfile
{
    public required string TeamSourceId { get; init; }

    public required IsoWeek Week { get; init; }

    public required string PersonSourceId { get; init; }

    public required string DisplayName { get; init; }

    public required ClassCounts Counts { get; init; }

    /// <summary>How many activities in all.</summary>
    public int Volume => Counts.Total;

    /// <summary>What their own work is made of.</summary>
    public required ClassShares OwnShares { get; init; }

    /// <summary>How much of the team's work of each class they carry.</summary>
    public required ClassShares TeamShares { get; init; }

    public required InferredRole Role { get; init; }

    /// <summary>Why they got <see cref="Role"/>, in words.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
