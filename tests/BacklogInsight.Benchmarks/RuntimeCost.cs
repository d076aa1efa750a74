using System.Globalization;

namespace BacklogInsight.Benchmarks;

/// <summary>
/// What the runtime itself spent (garbage collections and their pauses, JIT compilation): with it next to a CPU figure
/// one can tell a slow algorithm from an allocation-heavy or still-warming one.
/// </summary>
public readonly record struct RuntimeCost(int Gen0, int Gen1, int Gen2, TimeSpan GcPause, TimeSpan Jit, long JitMethods, long Allocated)
{
    public static RuntimeCost Now() => new(
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration(),
        System.Runtime.JitInfo.GetCompilationTime(),
        System.Runtime.JitInfo.GetCompiledMethodCount(),
        GC.GetTotalAllocatedBytes());

    public static RuntimeCost operator -(RuntimeCost after, RuntimeCost before) => new(
        after.Gen0 - before.Gen0,
        after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2,
        after.GcPause - before.GcPause,
        after.Jit - before.Jit,
        after.JitMethods - before.JitMethods,
        after.Allocated - before.Allocated);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"GC {Gen0}/{Gen1}/{Gen2} paused {GcPause.TotalSeconds:0.00} s, allocated {Allocated / 1048576.0:0} MB, JIT {JitMethods} methods in {Jit.TotalSeconds:0.00} s");
}
