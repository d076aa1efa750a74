namespace BacklogInsight.Storage.Reports;

/// <summary>A generated weekly report, kept as its JSON so it never changes once written (until regenerated).</summary>
public sealed class StoredReport
{
    public long Id { get; init; }

    /// <summary>The ISO week as <c>year * 100 + week</c>.</summary>
    public int Week { get; init; }

    /// <summary>Null for the organisation report; the team's id otherwise.</summary>
    public long? TeamId { get; init; }

    public required string ReportVersion { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    public required string Json { get; init; }
}
