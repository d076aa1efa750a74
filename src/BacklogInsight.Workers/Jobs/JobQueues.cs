namespace BacklogInsight.Workers.Jobs;

/// <summary>
/// Hangfire queues. Syncs of big sites take minutes to hours, so they have a queue and workers of their own; reports,
/// reclassification and alerts use the others and never wait behind a sync.
/// </summary>
public static class JobQueues
{
    /// <summary>Short jobs that must not wait (alerts).</summary>
    public const string Critical = "critical";

    /// <summary>Short jobs (reports, reclassification).</summary>
    public const string Default = "default";

    /// <summary>Long syncs.</summary>
    public const string Sync = "sync";

    public static readonly IReadOnlyList<string> All = [Critical, Default, Sync];
}
