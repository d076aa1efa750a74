using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Privacy;

namespace BacklogInsight.Api.Features.WorkItems;

/// <summary>A work item as it is now, with a link back to the tracker.</summary>
public sealed record WorkItemResponse(
    long Id,
    Guid ConnectionId,
    string SourceId,
    string Key,
    string Type,
    int HierarchyLevel,
    string Title,
    string Status,
    StatusCategory StatusCategory,
    string? TeamSourceId,
    string? AssigneeSourceId,
    string? ReporterSourceId,
    string? ParentSourceId,
    string? SprintSourceId,
    IReadOnlyList<string> Labels,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Url)
{
    public static WorkItemResponse From(WorkItem w) => new(
        w.Id, w.ConnectionId, w.SourceId, w.Key, w.Type, w.HierarchyLevel, w.Title, w.Status, w.StatusCategory,
        w.TeamSourceId, w.AssigneeSourceId, w.ReporterSourceId, w.ParentSourceId, w.SprintSourceId, w.Labels,
        w.CreatedAt, w.UpdatedAt, w.Url);

    /// <summary>The item with its people's account ids (and any name in its title) masked.</summary>
    public WorkItemResponse Masked(PersonMask mask) => mask.IsOn
        ? this with { AssigneeSourceId = mask.IdOrNull(ConnectionId, AssigneeSourceId), ReporterSourceId = mask.IdOrNull(ConnectionId, ReporterSourceId), Title = mask.Text(Title)! }
        : this;
}
