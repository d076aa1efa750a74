using BacklogInsight.Domain.Classification;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Jobs;
using BacklogInsight.Workers.Notifications;
using Hangfire;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>
/// Before anything else starts (the web server, the job server): migrate the database, create or update the
/// connections declared in configuration, register their recurring syncs, and queue a reclassification when the
/// taxonomy changed since activities were stored.
/// </summary>
public sealed class StartupInitializer(
    IServiceScopeFactory scopes, IConfiguration configuration, StartupInitializerOptions options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();

        // Built now so that a malformed taxonomy file stops start-up with its message, not the first sync.
        scope.ServiceProvider.GetRequiredService<ActivityClassifier>();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);

        var registration = scope.ServiceProvider.GetRequiredService<ConnectionRegistration>();
        foreach (var definition in ConfiguredConnections.Read(configuration))
        {
            await registration.CreateOrUpdateAsync(definition, cancellationToken);
        }

        if (options.ScheduleRecurringJobs)
        {
            await scope.ServiceProvider.GetRequiredService<SyncScheduler>().ScheduleAllAsync(cancellationToken);
            scope.ServiceProvider.GetRequiredService<NotificationScheduler>().Schedule();
            if (await scope.ServiceProvider.GetRequiredService<ReclassifyActivitiesJob>().IsNeededAsync(cancellationToken))
            {
                scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>()
                    .Enqueue<ReclassifyActivitiesJob>(job => job.RunAsync(CancellationToken.None));
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
