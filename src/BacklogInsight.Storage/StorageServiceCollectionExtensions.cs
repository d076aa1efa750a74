using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Postgres;
using BacklogInsight.Storage.Queries;
using BacklogInsight.Storage.Sqlite;
using BacklogInsight.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Storage;

/// <summary>Registers the database, chosen once here from <see cref="StorageOptions"/>.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddBacklogStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BacklogDbContext>(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.IsPostgres
                ? provider.GetRequiredService<PostgresBacklogDbContext>()
                : provider.GetRequiredService<SqliteBacklogDbContext>();
        });
        services.AddDbContext<SqliteBacklogDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveSqliteConnectionString())
                .AddInterceptors(SqliteConnectionSettings.Instance));
        services.AddDbContext<PostgresBacklogDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<SqliteWalCheckpointer>();
        services.AddScoped<ChangeWriter>();
        services.AddScoped<ItemWriter>();
        services.AddScoped<WorkItemReconciler>();
        services.AddScoped<ActivityCountRefresher>();
        services.AddScoped<RoleBalanceQueries>();
        services.AddScoped<AlertInputQueries>();
        services.AddScoped<SyncLease>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
