namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>What a connection test found, in plain words for the person setting the connection up.</summary>
public sealed record AzureDevOpsConnectionTestResult
{
    /// <summary>True when the token works and every followed project can be synced.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The names of the followed projects the token can see (all visible ones when none are followed).</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>The names of the followed teams found in those projects.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>Sentences to show, most important first.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];
}
