namespace BacklogInsight.Workers.Jobs;

/// <summary>Another sync, sweep or refresh holds the connection; the job is retried later by Hangfire.</summary>
public sealed class ConnectionBusyException(string connectionName, string what)
    : Exception($"Connection '{connectionName}' is busy with another sync; the {what} is retried later.");
