using System.Text.Json;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Jobs;
using BacklogInsight.Workers.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>
/// <c>serve --demo</c>: creates the sample connection if missing and syncs it right away, in the background, so
/// the API answers at once and the data fills in within seconds. Later starts sync only what is new.
/// </summary>
public sealed class DemoBootstrapper(IServiceScopeFactory scopes, IOptions<DemoOptions> options, ILogger<DemoBootstrapper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var demo = options.Value;
            var connection = await services.GetRequiredService<ConnectionRegistration>().CreateAsync(
                new ConnectionDefinition
                {
                    Name = demo.ConnectionName,
                    Kind = SourceKinds.Sample,
                    SettingsJson = JsonSerializer.Serialize(new { seed = demo.Seed }),
                },
                stoppingToken)
                ?? await services.GetRequiredService<BacklogDbContext>().Connections.AsNoTracking()
                    .SingleAsync(c => c.Name == demo.ConnectionName, stoppingToken);
            services.GetRequiredService<SyncScheduler>().Schedule(connection);

            logger.LogInformation("Demo: syncing the sample organisation into connection {ConnectionName}", connection.Name);
            var run = await services.GetRequiredService<SyncRunRecorder>().QueueAsync(connection.Id, "demo", stoppingToken);
            var finished = await services.GetRequiredService<SyncPipeline>().RunAsync(connection.Id, run.Id, stoppingToken);
            logger.LogInformation(
                "Demo ready: {Items} work items and {Activities} new activities. Browse / or /swagger",
                finished.Items, finished.ActivitiesAdded);
        }
        catch (SyncAlreadyRunningException exception)
        {
            logger.LogInformation("Demo: {Message}", exception.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the demo finished: the next start resumes from the last stored page.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Demo: the sample sync failed; see GET /api/connections for the run's error");
        }
    }
}
