namespace BacklogInsight.Domain.Model;

/// <summary>An issue (Jira) or work item (Azure DevOps) as it is now.</summary>
public sealed class WorkItem
{
    public long Id { get; init; }

    public Guid ConnectionId { get; init; }

    /// <summary>The source's own immutable id (Jira issue id, Azure DevOps work item id).</summary>
    public required string SourceId { get; init; }

    /// <summary>The human key (<c>PAY-123</c>); may change when an issue moves.</summary>
    public required string Key { get; set; }

    public required string Type { get; set; }

    /// <summary>-1 sub-task or task, 0 story level, 1 epic or feature, 2+ initiative or portfolio epic.</summary>
    public int HierarchyLevel { get; set; }

    public required string Title { get; set; }

    public required string Status { get; set; }

    public StatusCategory StatusCategory { get; set; }

    public string? TeamSourceId { get; set; }

    public string? AssigneeSourceId { get; set; }

    public string? ReporterSourceId { get; set; }

    public string? ParentSourceId { get; set; }

    public string? SprintSourceId { get; set; }

    public IReadOnlyList<string> Labels { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A link back to the item in its tracker, when the source has one.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// When the tracker was found no longer to hold the item (deleted, or moved out of the connection's scope); null while
    /// it exists. A deleted item keeps its row, its activities and their corrections, but none of them counts in a balance
    /// or shows in a list; an item the tracker shows again is restored.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
