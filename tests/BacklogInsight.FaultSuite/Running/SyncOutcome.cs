namespace BacklogInsight.FaultSuite.Running;

/// <summary>How one sync ended: succeeded, or failed with the reason the run record holds.</summary>
public sealed record SyncOutcome(bool Succeeded, string? Error, long ActivitiesAdded, int Retries)
{
    /// <summary>
    /// A reason a user can act on: present, one short paragraph, no exception type dump or stack trace, and not the
    /// catch-all "Unexpected error" of <c>SyncErrorDescriber</c>.
    /// </summary>
    public static bool IsPlainWords(string? error) =>
        !string.IsNullOrWhiteSpace(error)
        && error.Length <= 700
        && !error.StartsWith("Unexpected error", StringComparison.Ordinal)
        && !error.Contains("   at ", StringComparison.Ordinal)
        && !error.Contains("Exception", StringComparison.Ordinal);
}
