using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Workers;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>What every command needs: logging, storage, sources, workers and the start-up initialisation.</summary>
public static class BacklogCoreRegistration
{
    public static IHostApplicationBuilder AddBacklogCore(this IHostApplicationBuilder builder, bool scheduleRecurringJobs)
    {
        builder.AddBacklogLogging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBacklogStorage();
        builder.Services.AddBacklogSources();
        builder.Services.AddBacklogWorkers(builder.Configuration);
        builder.Services.AddSingleton(new StartupInitializerOptions(scheduleRecurringJobs));
        builder.Services.AddHostedService<StartupInitializer>();
        return builder;
    }
}
