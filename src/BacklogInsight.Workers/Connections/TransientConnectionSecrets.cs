using System.Collections.Concurrent;

namespace BacklogInsight.Workers.Connections;

/// <summary>
/// Secrets of a connection that is not stored (a test of a definition before it is saved), held in memory only for
/// the test's duration and never written anywhere.
/// </summary>
public sealed class TransientConnectionSecrets
{
    private readonly ConcurrentDictionary<Guid, IReadOnlyDictionary<string, string>> _secrets = new();

    /// <summary>Makes <paramref name="secrets"/> readable for <paramref name="connectionId"/> until the result is disposed.</summary>
    public IDisposable Lend(Guid connectionId, IReadOnlyDictionary<string, string> secrets)
    {
        _secrets[connectionId] = secrets;
        return new Lease(() => _secrets.TryRemove(connectionId, out _));
    }

    public bool TryGet(Guid connectionId, string name, out string? value)
    {
        value = null;
        return _secrets.TryGetValue(connectionId, out var secrets) && secrets.TryGetValue(name, out value);
    }

    private sealed class Lease(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
