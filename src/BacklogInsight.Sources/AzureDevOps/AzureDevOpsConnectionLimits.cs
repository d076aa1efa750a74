using System.Collections.Concurrent;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Per-connection limits that outlive one sync: at most N requests in flight, an hourly request budget over a rolling
/// window, and a pause every request of the connection waits out after Azure DevOps asked to slow down
/// (<c>Retry-After</c> on any answer, or a low <c>X-RateLimit-Remaining</c>). Registered once and shared.
/// </summary>
public sealed class AzureDevOpsConnectionLimits(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Guid, Gate> _gates = new();

    /// <summary>Waits for a free slot and any pause of <paramref name="connectionId"/>, and charges one request to its budget.</summary>
    /// <returns>The slot to dispose once the answer is read.</returns>
    /// <exception cref="AzureDevOpsSourceException">The hourly budget is used up.</exception>
    public async Task<IDisposable> EnterAsync(
        Guid connectionId, int maxConcurrent, int hourlyBudget, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(connectionId, _ => new Gate(maxConcurrent));
        gate.Charge(timeProvider.GetUtcNow(), 1, hourlyBudget, enforce: true);
        await gate.Slots.WaitAsync(cancellationToken);
        var release = new Release(gate.Slots);
        try
        {
            while (gate.PausedUntil - timeProvider.GetUtcNow() is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            return release;
        }
        catch
        {
            release.Dispose();
            throw;
        }
    }

    /// <summary>Holds every request of the connection back for <paramref name="pause"/> from now (the longest pause wins).</summary>
    public void Pause(Guid connectionId, TimeSpan pause)
    {
        if (pause > TimeSpan.Zero && _gates.TryGetValue(connectionId, out var gate))
        {
            gate.Extend(timeProvider.GetUtcNow() + pause);
        }
    }

    /// <summary>Charges retries that already happened; they count against the budget but never fail the call.</summary>
    public void ChargeRetries(Guid connectionId, int retries)
    {
        if (retries > 0 && _gates.TryGetValue(connectionId, out var gate))
        {
            gate.Charge(timeProvider.GetUtcNow(), retries, int.MaxValue, enforce: false);
        }
    }

    private sealed class Gate(int maxConcurrent)
    {
        private readonly Queue<DateTimeOffset> _sent = new();
        private long _pausedUntilTicks;

        public SemaphoreSlim Slots { get; } = new(maxConcurrent, maxConcurrent);

        public DateTimeOffset PausedUntil => new(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero);

        public void Extend(DateTimeOffset until)
        {
            long current;
            do
            {
                current = Interlocked.Read(ref _pausedUntilTicks);
                if (until.UtcTicks <= current)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _pausedUntilTicks, until.UtcTicks, current) != current);
        }

        public void Charge(DateTimeOffset now, int count, int budget, bool enforce)
        {
            lock (_sent)
            {
                while (_sent.Count > 0 && now - _sent.Peek() >= TimeSpan.FromHours(1))
                {
                    _sent.Dequeue();
                }

                if (enforce && _sent.Count + count > budget)
                {
                    throw new AzureDevOpsSourceException(
                        $"This connection has used its budget of {budget} Azure DevOps requests for the last hour. "
                        + "The sync stopped and will continue from where it left off once the hour has passed; "
                        + "raise Sources:AzureDevOps:HourlyRequestBudget if the organisation allows more.");
                }

                for (var i = 0; i < count; i++)
                {
                    _sent.Enqueue(now);
                }
            }
        }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
