namespace BacklogInsight.Sources;

/// <summary>One work item read on demand by <see cref="ISingleItemSource"/>, and what reading it cost.</summary>
public sealed record SingleItemRead
{
    /// <summary>The item and all its activities; null when the tracker says the item does not exist.</summary>
    public required WorkItemChange? Change { get; init; }

    /// <summary>HTTP requests the read cost.</summary>
    public int Requests { get; init; }

    /// <summary>Requests retried after a transient failure.</summary>
    public int Retries { get; init; }
}
