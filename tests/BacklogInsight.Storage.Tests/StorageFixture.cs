using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BacklogInsight.Storage.Tests;

/// <summary>A migrated SQLite database in memory, alive as long as the fixture, with a controllable clock.</summary>
public sealed class StorageFixture : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public Guid ConnectionId { get; } = Guid.Parse("0195d0b8-0000-7000-8000-000000000001");

    public static async Task<StorageFixture> CreateAsync()
    {
        var fixture = new StorageFixture();
        await fixture._connection.OpenAsync();
        await using var db = fixture.CreateContext();
        await db.Database.MigrateAsync();
        db.Connections.Add(new Connection { Id = fixture.ConnectionId, Name = "test", Kind = SourceKinds.Sample, CreatedAt = fixture.Time.GetUtcNow() });
        db.SyncStates.Add(new ConnectionSyncState { ConnectionId = fixture.ConnectionId });
        await db.SaveChangesAsync();
        return fixture;
    }

    public BacklogDbContext CreateContext() =>
        new SqliteBacklogDbContext(new DbContextOptionsBuilder<SqliteBacklogDbContext>().UseSqlite(_connection).Options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
