using BacklogInsight.Domain.Reports;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Workers.Alerts;
using BacklogInsight.Workers.Classification;
using BacklogInsight.Workers.Connections;
using BacklogInsight.Workers.Jobs;
using BacklogInsight.Workers.Notifications;
using BacklogInsight.Workers.Organisation;
using BacklogInsight.Workers.Pipeline;
using BacklogInsight.Workers.Reports;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers;

/// <summary>Registers the sync pipeline, the jobs and the job engine with its storage.</summary>
public static class WorkersServiceCollectionExtensions
{
    public static IServiceCollection AddBacklogWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SyncPipeline>();
        services.AddScoped<SyncRunRecorder>();
        services.AddScoped<SyncScheduler>();
        services.AddScoped<SyncConnectionJob>();
        services.AddScoped<RefreshWorkItemJob>();
        services.AddScoped<SweepDeletedItemsJob>();
        services.AddScoped<ConnectionRegistration>();
        services.AddScoped<ProtectedConnectionSecrets>();
        services.AddSingleton<TransientConnectionSecrets>();
        services.AddScoped<IConnectionSecrets, LayeredConnectionSecrets>();
        var keyRing = configuration[$"{SecurityOptions.SectionName}:KeyRingPath"];
        var keyRingFolder = string.IsNullOrWhiteSpace(keyRing) ? Path.Combine(storage.DataDirectory, "keys") : keyRing;
        services.AddDataProtection().SetApplicationName("BacklogInsight")
            .PersistKeysToFileSystem(new DirectoryInfo(keyRingFolder));
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new PseudonymKey(keyRingFolder));
        services.AddSingleton<PersonNames>();
        services.AddOptions<OrganisationOptions>().BindConfiguration(OrganisationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClassificationOptions>().BindConfiguration(ClassificationOptions.SectionName);
        services.AddSingleton(provider => ClassifierFactory.Create(provider.GetRequiredService<IOptions<ClassificationOptions>>().Value));
        services.AddSingleton<PageClassifier>();
        services.AddScoped<ReclassifyActivitiesJob>();
        services.AddScoped<StoredActivityContexts>();
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReportOptions>().BindConfiguration("RoleBalance");
        services.AddScoped<ReportInputBuilder>();
        services.AddScoped<WeeklyReportService>();
        services.AddScoped<GenerateWeeklyReportsJob>();
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AlertSettings>();
        services.AddScoped<AlertLifecycle>();
        services.AddScoped<AlertEvaluationTrigger>();
        services.AddScoped<EvaluateAlertsJob>();
        services.AddNotifications();

        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (jobs.EffectiveStorage(storage.Provider))
            {
                case "memory":
                    hangfire.UseInMemoryStorage();
                    break;
                case StorageProvider.Postgres:
                    hangfire.UsePostgreSqlStorage(
                        postgres => postgres.UseNpgsqlConnection(storage.ConnectionString),
                        new PostgreSqlStorageOptions
                        {
                            QueuePollInterval = jobs.PollInterval,
                            InvisibilityTimeout = jobs.InvisibilityTimeout,
                            UseSlidingInvisibilityTimeout = true,
                            PrepareSchemaIfNecessary = true,
                        });
                    break;
                default:
                    Directory.CreateDirectory(storage.DataDirectory);
                    hangfire.UseSQLiteStorage(
                        Path.Combine(storage.DataDirectory, jobs.SqliteFile),
                        new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
                    break;
            }
        });
        if (jobs.RunServer)
        {
            // Two servers: syncs on their own workers, so however long they run the short jobs are never queued behind them.
            var queues = jobs.EffectiveQueues;
            var shortQueues = queues.Where(q => q != JobQueues.Sync).ToArray();
            if (shortQueues.Length > 0)
            {
                services.AddHangfireServer(server =>
                {
                    server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:jobs";
                    server.WorkerCount = jobs.WorkerCount;
                    server.Queues = shortQueues;
                });
            }

            if (queues.Contains(JobQueues.Sync))
            {
                services.AddHangfireServer(server =>
                {
                    server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:sync";
                    server.WorkerCount = jobs.SyncWorkerCount;
                    server.Queues = [JobQueues.Sync];
                });
            }
        }

        return services;
    }
}
