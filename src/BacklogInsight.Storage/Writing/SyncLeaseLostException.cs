namespace BacklogInsight.Storage.Writing;

/// <summary>This process's sync lease lapsed and another process may be syncing the connection.</summary>
public sealed class SyncLeaseLostException(Guid connectionId)
    : InvalidOperationException($"The sync lease of connection {connectionId} was lost; another process may be syncing it.")
{
    public Guid ConnectionId { get; } = connectionId;
}
