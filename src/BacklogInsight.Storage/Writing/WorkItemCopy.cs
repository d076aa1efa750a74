using BacklogInsight.Domain.Model;

namespace BacklogInsight.Storage.Writing;

/// <summary>Copies what can change about a work item onto its stored row; the ids stay.</summary>
internal static class WorkItemCopy
{
    public static void Apply(WorkItem from, WorkItem to)
    {
        to.Key = from.Key;
        to.Type = from.Type;
        to.HierarchyLevel = from.HierarchyLevel;
        to.Title = from.Title;
        to.Status = from.Status;
        to.StatusCategory = from.StatusCategory;
        to.TeamSourceId = from.TeamSourceId;
        to.AssigneeSourceId = from.AssigneeSourceId;
        to.ReporterSourceId = from.ReporterSourceId;
        to.ParentSourceId = from.ParentSourceId;
        to.SprintSourceId = from.SprintSourceId;
        to.Labels = from.Labels;
        to.CreatedAt = from.CreatedAt;
        to.UpdatedAt = from.UpdatedAt;
        to.Url = from.Url;

        // An item a source reads exists now: a read restores an item marked deleted.
        to.DeletedAt = from.DeletedAt;
    }
}
