using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Postgres;
using BacklogInsight.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BacklogInsight.Storage.Tests;

/// <summary>
/// A migrated database alive as long as the fixture, with a controllable clock: SQLite in memory, or a fresh PostgreSQL
/// database when <see cref="TestPostgres"/> names a server.
/// </summary>
public sealed class StorageFixture : IAsyncDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly string? _postgres;

    private StorageFixture(SqliteConnection? sqlite, string? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public Guid ConnectionId { get; } = Guid.Parse("0195d0b8-0000-7000-8000-000000000001");

    public bool IsPostgres => _postgres is not null;

    public SqliteWalCheckpointer Checkpointer { get; } = new(Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteWalCheckpointer>.Instance);

    public static async Task<StorageFixture> CreateAsync()
    {
        StorageFixture fixture;
        if (TestPostgres.IsEnabled)
        {
            fixture = new StorageFixture(null, await TestPostgres.CreateDatabaseAsync());
        }
        else
        {
            fixture = new StorageFixture(new SqliteConnection("Data Source=:memory:"), null);
            await fixture._sqlite!.OpenAsync();
        }

        await using var db = fixture.CreateContext();
        await db.Database.MigrateAsync();
        db.Connections.Add(new Connection { Id = fixture.ConnectionId, Name = "test", Kind = SourceKinds.Sample, CreatedAt = fixture.Time.GetUtcNow() });
        db.SyncStates.Add(new ConnectionSyncState { ConnectionId = fixture.ConnectionId });
        await db.SaveChangesAsync();
        return fixture;
    }

    public BacklogDbContext CreateContext() => _postgres is not null
        ? new PostgresBacklogDbContext(new DbContextOptionsBuilder<PostgresBacklogDbContext>().UseNpgsql(_postgres).Options)
        : new SqliteBacklogDbContext(new DbContextOptionsBuilder<SqliteBacklogDbContext>().UseSqlite(_sqlite!).Options);

    public async ValueTask DisposeAsync()
    {
        await Checkpointer.DisposeAsync();
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgres);
        }
    }
}
