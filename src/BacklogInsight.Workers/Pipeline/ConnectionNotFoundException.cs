namespace BacklogInsight.Workers.Pipeline;

/// <summary>No connection has the given id or name.</summary>
public sealed class ConnectionNotFoundException(string idOrName)
    : InvalidOperationException($"No connection '{idOrName}' exists.");
