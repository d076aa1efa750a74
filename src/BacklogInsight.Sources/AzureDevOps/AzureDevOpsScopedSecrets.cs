using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Reads each secret in a scope of its own, so a scoped secret store is never captured by a long-lived client.</summary>
internal sealed class AzureDevOpsScopedSecrets(IServiceProvider services) : IConnectionSecrets
{
    /// <exception cref="InvalidOperationException">The host registered no <see cref="IConnectionSecrets"/>.</exception>
    public async ValueTask<string?> GetAsync(Guid connectionId, string name, CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var secrets = scope.ServiceProvider.GetService<IConnectionSecrets>()
            ?? throw new InvalidOperationException("No IConnectionSecrets is registered, so Azure DevOps tokens cannot be read.");
        return await secrets.GetAsync(connectionId, name, cancellationToken);
    }
}
