using BacklogInsight.Storage.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Aggregates;

/// <summary>
/// Adds increments to their count rows with one prepared <c>INSERT … ON CONFLICT DO UPDATE</c> inside the caller's
/// transaction: no read, no change tracking, one statement per (team, week, actor, class) a page touched.
/// </summary>
internal static class SqliteActivityCountIncrementer
{
    private const string Upsert = """
        INSERT INTO "ActivityCounts" ("ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class", "Count", "LastAt")
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
        ON CONFLICT ("ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class")
        DO UPDATE SET "Count" = "Count" + excluded."Count", "LastAt" = max("LastAt", excluded."LastAt")
        """;

    public static void Add(BacklogDbContext db, IEnumerable<ActivityCount> increments, CancellationToken cancellationToken)
    {
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Counts are incremented inside the page's transaction.");
        using var upsert = new SqliteRawStatement((SqliteConnection)db.Database.GetDbConnection(), Upsert);
        string? connectionText = null;
        var connectionOf = Guid.Empty;
        foreach (var increment in increments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (connectionText is null || increment.ConnectionId != connectionOf)
            {
                connectionOf = increment.ConnectionId;
                connectionText = increment.ConnectionId.ToString("D").ToUpperInvariant();
            }

            upsert.Bind(1, connectionText);
            upsert.Bind(2, increment.TeamSourceId);
            upsert.Bind(3, (long)increment.Week);
            upsert.Bind(4, increment.ActorSourceId);
            upsert.Bind(5, increment.Class.ToString());
            upsert.Bind(6, (long)increment.Count);
            upsert.Bind(7, increment.LastAt.UtcTicks);
            upsert.Execute();
        }
    }
}
