using System.Diagnostics;

namespace BacklogInsight.Benchmarks.AzureDevOps;

/// <summary>Samples the process working set and the managed heap every 50 ms; keeps the peaks.</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public PeakMemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

    public long PeakWorkingSet { get; private set; }

    public long PeakManaged { get; private set; }

    public void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        lock (_gate)
        {
            PeakWorkingSet = Math.Max(PeakWorkingSet, workingSet);
            PeakManaged = Math.Max(PeakManaged, managed);
        }
    }

    public void Dispose() => _timer.Dispose();
}
