namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>
/// The fake Jira site or Azure DevOps organisation a scale run syncs from, served in this process or in a child one:
/// its URL, the requests it answered by kind (the fake's own <c>Counts()</c>), and what its process has spent.
/// </summary>
public interface IScaleFake : IAsyncDisposable
{
    Uri BaseUrl { get; }

    Task<IReadOnlyDictionary<string, long>> CountsAsync();

    Task ResetCountsAsync();

    /// <summary>CPU time the fake's own process has used so far, or null when the fake shares this process.</summary>
    TimeSpan? ProcessorTime();
}
