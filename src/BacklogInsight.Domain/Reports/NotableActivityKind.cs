namespace BacklogInsight.Domain.Reports;

/// <summary>The product decisions a weekly report lists by name.</summary>
public enum NotableActivityKind
{
    EpicCreated = 1,

    /// <summary>A non-assignee accepted completed work.</summary>
    ItemAccepted = 2,

    /// <summary>A non-assignee sent completed work back.</summary>
    ItemRejected = 3,

    /// <summary>Rank or priority changed.</summary>
    Reprioritised = 4,

    /// <summary>An item was added to or removed from a sprint.</summary>
    SprintScopeChanged = 5,
}
