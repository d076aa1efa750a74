namespace BacklogInsight.Workers.Pipeline;

/// <summary>Another process holds the connection's sync lease.</summary>
public sealed class SyncAlreadyRunningException(string connectionName)
    : InvalidOperationException($"Connection '{connectionName}' is already being synced by another run.");
