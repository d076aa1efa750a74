using System.Collections.Concurrent;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Per-connection limits that outlive one sync: at most N requests in flight, and an hourly request budget over a
/// rolling window. Registered once; every <see cref="JiraClient"/> of a connection shares its gate.
/// </summary>
public sealed class JiraConnectionLimits(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Guid, Gate> _gates = new();

    /// <summary>Waits for a free slot of <paramref name="connectionId"/> and charges one request to its budget.</summary>
    /// <exception cref="JiraSourceException">The hourly budget is used up.</exception>
    public async Task<IDisposable> EnterAsync(Guid connectionId, int maxConcurrent, int hourlyBudget, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(connectionId, _ => new Gate(maxConcurrent));
        gate.Charge(timeProvider.GetUtcNow(), 1, hourlyBudget, enforce: true);
        await gate.Slots.WaitAsync(cancellationToken);
        return new Release(gate.Slots);
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

        public SemaphoreSlim Slots { get; } = new(maxConcurrent, maxConcurrent);

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
                    throw new JiraSourceException(
                        $"This connection has used its budget of {budget} Jira requests for the last hour. "
                        + "The sync stopped and will continue from where it left off once the hour has passed; "
                        + "raise Sources:Jira:HourlyRequestBudget if the site allows more.");
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
