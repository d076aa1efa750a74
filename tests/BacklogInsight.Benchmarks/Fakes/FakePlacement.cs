namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>Where a scale run serves its fake from (<c>--fake child-process|in-process</c>).</summary>
public enum FakePlacement
{
    /// <summary>A child process replaying pre-rendered answers: the measured process holds only the pipeline.</summary>
    ChildProcess,

    /// <summary>This process, rendering every answer: the fake's site model and its CPU count as the pipeline's.</summary>
    InProcess,
}
