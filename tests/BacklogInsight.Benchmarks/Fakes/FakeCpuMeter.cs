using System.Globalization;

namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>What a fake's own process spends from now on: printed next to a figure, it shows what the fake still costs the machine.</summary>
public readonly struct FakeCpuMeter(IScaleFake fake)
{
    private readonly TimeSpan? _start = fake.ProcessorTime();

    /// <summary><c>fake CPU 0.4 s</c>, or <c>fake in process</c> when its CPU is inside this process's figure.</summary>
    public string Report() => _start is { } start && fake.ProcessorTime() is { } now
        ? string.Create(CultureInfo.InvariantCulture, $"fake CPU {(now - start).TotalSeconds:0.0} s")
        : "fake in process";
}
