namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// <c>serve --demo</c> only: replaces the previous start's demo key with a new admin key and prints it on standard
/// output (not into the log), so the dashboard can be tried at once.
/// </summary>
public sealed class DemoAdminKey(IServiceScopeFactory scopes) : IHostedService
{
    public const string KeyName = "demo";

    public const string OutputPrefix = "Demo admin key (sign in to the dashboard with it): ";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();
        await keys.RevokeNamedAsync(KeyName, cancellationToken);
        var (_, key) = await keys.CreateAsync(KeyName, ApiScopes.Admin, cancellationToken);
        await Console.Out.WriteLineAsync(OutputPrefix + key);
        await Console.Out.FlushAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
