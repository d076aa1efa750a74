namespace BacklogInsight.Sources;

/// <summary>One page of an id sweep from <see cref="IDeletionSweepSource"/>, and what it cost.</summary>
public sealed record LiveItemPage
{
    public required IReadOnlyList<LiveWorkItem> Items { get; init; }

    /// <summary>HTTP requests this page cost.</summary>
    public int Requests { get; init; }

    /// <summary>Requests retried after a transient failure while reading this page.</summary>
    public int Retries { get; init; }
}
