using BacklogInsight.Storage.Postgres;
using BacklogInsight.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Tests;

[TestFixture]
public sealed class MigrationTests
{
    [Test]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        await using var storage = await StorageFixture.CreateAsync();
        await using var db = storage.CreateContext();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "run dotnet ef migrations add for the model change");
    }

    // Both providers' snapshots are checked on every run (no server is needed to compare a model with its snapshot),
    // so a model change with only one provider's migration fails here.
    [Test]
    public void SqliteModel_ComparedWithItsMigrations_HasNoPendingChanges()
    {
        using var db = new SqliteBacklogDbContext(new DbContextOptionsBuilder<SqliteBacklogDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "add the SQLite migration (src/BacklogInsight.Storage/README.md)");
    }

    [Test]
    public void PostgresModel_ComparedWithItsMigrations_HasNoPendingChanges()
    {
        using var db = new PostgresBacklogDbContext(new DbContextOptionsBuilder<PostgresBacklogDbContext>().UseNpgsql("Host=unused").Options);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False, "add the PostgreSQL migration (src/BacklogInsight.Storage/README.md)");
    }
}
