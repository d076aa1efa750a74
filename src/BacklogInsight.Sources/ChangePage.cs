using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources;

/// <summary>One page of the change stream and the checkpoint that is reached once it is stored.</summary>
public sealed record ChangePage
{
    public required IReadOnlyList<WorkItemChange> Changes { get; init; }

    public required SyncCheckpoint Checkpoint { get; init; }

    /// <summary>HTTP requests this page cost (0 for the sample source).</summary>
    public int Requests { get; init; }

    /// <summary>Requests retried after a transient failure while reading this page.</summary>
    public int Retries { get; init; }

    /// <summary>Items of this page whose history was longer than the first answer held and was read to the end.</summary>
    public int ChangelogsCompleted { get; init; }
}
