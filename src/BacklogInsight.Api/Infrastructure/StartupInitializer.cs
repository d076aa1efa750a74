using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Jobs;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>
/// Before anything else starts (the web server, the job server): migrate the database, create or update the
/// connections declared in configuration, and register their recurring syncs.
/// </summary>
public sealed class StartupInitializer(
    IServiceScopeFactory scopes, IConfiguration configuration, StartupInitializerOptions options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);

        var registration = scope.ServiceProvider.GetRequiredService<ConnectionRegistration>();
        foreach (var definition in ConfiguredConnections.Read(configuration))
        {
            await registration.CreateOrUpdateAsync(definition, cancellationToken);
        }

        if (options.ScheduleRecurringJobs)
        {
            await scope.ServiceProvider.GetRequiredService<SyncScheduler>().ScheduleAllAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
