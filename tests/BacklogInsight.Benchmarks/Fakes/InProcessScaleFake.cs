namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>A fake server running in this process, seen through <see cref="IScaleFake"/>.</summary>
public sealed class InProcessScaleFake(
    Uri baseUrl, Func<IReadOnlyDictionary<string, long>> counts, Action resetCounts, IAsyncDisposable server) : IScaleFake
{
    public Uri BaseUrl => baseUrl;

    public Task<IReadOnlyDictionary<string, long>> CountsAsync() => Task.FromResult(counts());

    public Task ResetCountsAsync()
    {
        resetCounts();
        return Task.CompletedTask;
    }

    public TimeSpan? ProcessorTime() => null;

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
