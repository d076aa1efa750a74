using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// At start (after the database is migrated): stores <c>Security:BootstrapKeyHash</c> as an admin key named
/// <c>bootstrap</c>, so a fresh installation can be administered without a shell on the server.
/// </summary>
public sealed class BootstrapKeyInitializer(IServiceScopeFactory scopes, IOptions<AccessOptions> options, ILogger<BootstrapKeyInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BootstrapKeyHash))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().EnsureHashAsync("bootstrap", ApiScopes.Admin, options.Value.BootstrapKeyHash, cancellationToken))
        {
            logger.LogInformation("Stored the bootstrap admin key from Security:BootstrapKeyHash; revoke it once real keys exist");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
