using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Sqlite;

/// <summary>
/// SQLite flavour of <see cref="BacklogDbContext"/>. SQLite has no instant type and EF cannot translate
/// comparisons of text-stored <see cref="DateTimeOffset"/>s, so instants are stored as UTC ticks: sortable,
/// comparable in SQL, exact.
/// </summary>
public sealed class SqliteBacklogDbContext(DbContextOptions<SqliteBacklogDbContext> options) : BacklogDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}
