using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Notifications;
using BacklogInsight.Storage.Reports;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage;

/// <summary>
/// The one database of BacklogInsight. Provider-neutral: each provider subclasses it with its own migrations
/// (see <c>Sqlite/</c>), chosen once in <see cref="StorageServiceCollectionExtensions"/>.
/// </summary>
public abstract class BacklogDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Connection> Connections => Set<Connection>();

    public DbSet<ConnectionSyncState> SyncStates => Set<ConnectionSyncState>();

    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    public DbSet<ConnectionSecret> ConnectionSecrets => Set<ConnectionSecret>();

    public DbSet<NotificationChannel> NotificationChannels => Set<NotificationChannel>();

    public DbSet<NotificationChannelSecret> NotificationChannelSecrets => Set<NotificationChannelSecret>();

    public DbSet<NotificationDelivery> NotificationDeliveries => Set<NotificationDelivery>();

    public DbSet<NotificationAttempt> NotificationAttempts => Set<NotificationAttempt>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Sprint> Sprints => Set<Sprint>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ClassOverride> ClassOverrides => Set<ClassOverride>();

    public DbSet<ActivityCount> ActivityCounts => Set<ActivityCount>();

    public DbSet<StoredReport> Reports => Set<StoredReport>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertRuleSetting> AlertRuleSettings => Set<AlertRuleSetting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BacklogDbContext).Assembly);
}
