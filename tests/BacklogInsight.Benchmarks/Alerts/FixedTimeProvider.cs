namespace BacklogInsight.Benchmarks.Alerts;

/// <summary>A clock stopped at one instant, so every run evaluates the same windows.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
