namespace BacklogInsight.FaultSuite.Running;

/// <summary>One repetition of a scenario (one seed).</summary>
public sealed record RepetitionResult
{
    public required int Seed { get; init; }

    public required int Syncs { get; init; }

    public required int Faults { get; init; }

    public required bool EqualToCleanRun { get; init; }

    public required int Lost { get; init; }

    public required long Duplicates { get; init; }

    /// <summary>Failed runs, each with the reason it gave.</summary>
    public IReadOnlyList<string> FailedRuns { get; init; } = [];

    /// <summary>What went wrong beyond the numbers (an unclear reason, a run that should not have failed, a hang).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool Passed => EqualToCleanRun && Lost == 0 && Duplicates == 0 && Problems.Count == 0;
}

/// <summary>A table row: every repetition of a scenario.</summary>
public sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<RepetitionResult> Repetitions, TimeSpan Elapsed)
{
    public bool Passed => Repetitions.Count > 0 && Repetitions.All(r => r.Passed);
}
