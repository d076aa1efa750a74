namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Counts the HTTP attempts one <see cref="AzureDevOpsClient"/> made: requests sent, retries the resilience handler
/// added, and pauses taken because Azure DevOps asked to slow down. Thread-safe; the source reads differences per page.
/// </summary>
public sealed class AzureDevOpsRequestStats
{
    private int _requests;
    private int _retries;
    private int _pauses;

    /// <summary>Attempts sent, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Attempts that were retries after 429, 5xx or a timeout.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Answers that held the next requests back: a <c>Retry-After</c> (on any status) or a low <c>X-RateLimit-Remaining</c>.</summary>
    public int Pauses => Volatile.Read(ref _pauses);

    internal void AddRequest() => Interlocked.Increment(ref _requests);

    internal void AddPause() => Interlocked.Increment(ref _pauses);

    /// <summary>Called by the resilience handler before each retry.</summary>
    internal void AddRetry()
    {
        Interlocked.Increment(ref _retries);
        Interlocked.Increment(ref _requests);
    }
}
