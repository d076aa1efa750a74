using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BacklogInsight.Storage.Sqlite;

/// <summary>
/// Per-connection SQLite settings, applied whenever EF opens a connection. With WAL, <c>synchronous=NORMAL</c>
/// keeps the database consistent after a crash or power loss (a commit may be lost, never half-applied, and a
/// page's checkpoint commits with the page) while sparing an fsync per commit; a larger page cache keeps the
/// activity indexes in memory while a sync writes them. <see cref="SqliteWalCheckpointer"/> checkpoints after a sync's
/// commits, off the writer's thread; the auto-checkpoint at 16,384 pages (64 MB) only bounds the WAL when it lags or
/// is not running, and the WAL file is cut back to 64 MB after a checkpoint.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=16384; PRAGMA journal_size_limit=67108864;";

    public static readonly SqliteConnectionSettings Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
