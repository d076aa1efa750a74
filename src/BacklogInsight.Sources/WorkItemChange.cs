using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources;

/// <summary>A work item as it is now, and its activities that are new since the checkpoint read from.</summary>
public sealed record WorkItemChange(WorkItem Item, IReadOnlyList<Activity> Activities);
