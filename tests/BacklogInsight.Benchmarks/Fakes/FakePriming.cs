using System.Diagnostics;
using System.Globalization;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;

namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>
/// One unmeasured full read (discovery, then every change) through a connection's source, so a fake that replays its
/// answers has rendered every answer the measured sync will ask for.
/// </summary>
public static class FakePriming
{
    public static async Task PrimeAsync(IBacklogSourceFactory sources, Connection connection, IScaleFake fake)
    {
        var meter = new FakeCpuMeter(fake);
        var clock = Stopwatch.StartNew();
        var source = sources.Create(connection);
        await source.DiscoverAsync(CancellationToken.None);
        var read = 0;
        await foreach (var page in source.ReadChangesAsync(null, CancellationToken.None))
        {
            read += page.Changes.Count;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fake primed: one unmeasured read of {read} in {clock.Elapsed.TotalSeconds:0.0} s, {meter.Report()}"));
    }
}
