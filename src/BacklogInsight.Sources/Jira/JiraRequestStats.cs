namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Counts the HTTP attempts one <see cref="JiraClient"/> made: requests sent and retries the resilience handler
/// added. Thread-safe; the source reads the difference per page.
/// </summary>
public sealed class JiraRequestStats
{
    private int _requests;
    private int _retries;

    /// <summary>Attempts sent, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Attempts that were retries after 429, 5xx or a timeout.</summary>
    public int Retries => Volatile.Read(ref _retries);

    internal void AddRequest() => Interlocked.Increment(ref _requests);

    /// <summary>Called by the resilience handler before each retry.</summary>
    internal void AddRetry()
    {
        Interlocked.Increment(ref _retries);
        Interlocked.Increment(ref _requests);
    }
}
