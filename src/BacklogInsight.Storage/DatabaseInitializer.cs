using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Storage;

/// <summary>
/// Applies migrations (and, on SQLite, creates the data folder and sets the journal mode); safe to run at every start,
/// by every process of a cluster at once: PostgreSQL migrations take a lock, so only one applies them.
/// </summary>
public sealed class DatabaseInitializer(BacklogDbContext db, IOptions<StorageOptions> options)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsPostgres)
        {
            if (options.Value.MigrateOnStart)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            return;
        }

        var connectionString = new SqliteConnectionStringBuilder(options.Value.ResolveSqliteConnectionString());
        var folder = Path.GetDirectoryName(Path.GetFullPath(connectionString.DataSource));
        if (connectionString.DataSource != ":memory:" && connectionString.Mode != SqliteOpenMode.Memory && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        if (options.Value.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // WAL lets the API read while a sync writes; it is a property of the file, so setting it once sticks.
        if (connectionString.Mode != SqliteOpenMode.Memory && connectionString.DataSource != ":memory:")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
