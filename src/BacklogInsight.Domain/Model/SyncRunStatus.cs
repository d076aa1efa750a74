namespace BacklogInsight.Domain.Model;

/// <summary>How a sync run ended, or that it has not yet.</summary>
public enum SyncRunStatus
{
    /// <summary>Accepted and waiting for a worker.</summary>
    Queued = 0,

    Running = 1,
    Succeeded = 2,
    Failed = 3,

    /// <summary>The process running it died; a later run took over from its last checkpoint.</summary>
    Abandoned = 4,
}
