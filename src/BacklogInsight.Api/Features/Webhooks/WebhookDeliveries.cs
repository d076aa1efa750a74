using System.Collections.Concurrent;

namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>
/// Remembers the deliveries accepted within the replay window (by Jira's delivery identifier, else a hash of the
/// body), so a delivery retried or replayed inside the window is acknowledged once and queued once.
/// </summary>
public sealed class WebhookDeliveries(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time <paramref name="key"/> is offered within <paramref name="window"/>.</summary>
    public bool TryAccept(string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > 10_000)
        {
            foreach (var (old, at) in _seen)
            {
                if (now - at > window)
                {
                    _seen.TryRemove(old, out _);
                }
            }
        }

        var accepted = false;
        _seen.AddOrUpdate(key, _ => { accepted = true; return now; }, (_, at) => { accepted = now - at > window; return accepted ? now : at; });
        return accepted;
    }
}
