namespace BacklogInsight.Domain.Model;

/// <summary>The tracker-independent category of a workflow status.</summary>
public enum StatusCategory
{
    /// <summary>Unknown or not mapped.</summary>
    Unknown = 0,

    /// <summary>Not started (Jira "To Do", Azure DevOps "Proposed").</summary>
    ToDo = 1,

    /// <summary>Started (Jira "In Progress", Azure DevOps "InProgress" / "Resolved").</summary>
    InProgress = 2,

    /// <summary>Finished (Jira "Done", Azure DevOps "Completed" / "Removed").</summary>
    Done = 3,
}
