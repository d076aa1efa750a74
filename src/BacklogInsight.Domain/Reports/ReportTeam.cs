namespace BacklogInsight.Domain.Reports;

/// <summary>The team a report is about.</summary>
public sealed record ReportTeam
{
    public required string SourceId { get; init; }

    public required string Name { get; init; }

    /// <summary>When the team (board or ADO team) was created or first seen; null when unknown.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
