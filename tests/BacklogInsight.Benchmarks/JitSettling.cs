using System.Diagnostics;

namespace BacklogInsight.Benchmarks;

/// <summary>
/// Tiering recompiles the methods a run made hot on a background thread, a little after they got hot: a run measured
/// right after a warm-up would pay for that compilation. Waiting until it stops measures a warm worker.
/// </summary>
public static class JitSettling
{
    /// <summary>Waits until no method has been compiled for a second (at most 20 s).</summary>
    public static async Task WaitAsync()
    {
        var clock = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }
}
