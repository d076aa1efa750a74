using BacklogInsight.Sources;

namespace BacklogInsight.Workers.Connections;

/// <summary>What sources read secrets through: the lent secrets of an unsaved connection under test, else the encrypted store.</summary>
public sealed class LayeredConnectionSecrets(TransientConnectionSecrets transient, ProtectedConnectionSecrets stored) : IConnectionSecrets
{
    public ValueTask<string?> GetAsync(Guid connectionId, string name, CancellationToken cancellationToken) =>
        transient.TryGet(connectionId, name, out var value) ? ValueTask.FromResult(value) : stored.GetAsync(connectionId, name, cancellationToken);
}
