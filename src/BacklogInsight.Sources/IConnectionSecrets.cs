namespace BacklogInsight.Sources;

/// <summary>
/// Reads a connection's secrets (API tokens, passwords) from wherever the host keeps them encrypted.
/// Sources ask for a secret when they need it and never log or return it.
/// </summary>
public interface IConnectionSecrets
{
    /// <summary>The secret named <paramref name="name"/> (e.g. <c>token</c>) of a connection; null when none is set.</summary>
    ValueTask<string?> GetAsync(Guid connectionId, string name, CancellationToken cancellationToken);
}
