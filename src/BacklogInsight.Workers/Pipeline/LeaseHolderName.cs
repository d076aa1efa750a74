namespace BacklogInsight.Workers.Pipeline;

/// <summary>Names this process as a lease holder in a way an operator can trace back: host, process id, nonce.</summary>
public static class LeaseHolderName
{
    private static readonly string ThisProcess = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public static string ForThisProcess() => ThisProcess;
}
