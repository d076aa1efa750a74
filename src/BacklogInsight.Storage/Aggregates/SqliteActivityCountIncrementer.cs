using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BacklogInsight.Storage.Aggregates;

/// <summary>
/// Adds increments to their count rows with one prepared <c>INSERT … ON CONFLICT DO UPDATE</c> inside the caller's
/// transaction: no read, no change tracking, one statement per (team, week, actor, class) a page touched.
/// </summary>
internal static class SqliteActivityCountIncrementer
{
    private const string Upsert = """
        INSERT INTO "ActivityCounts" ("ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class", "Count", "LastAt")
        VALUES ($connection, $team, $week, $actor, $class, $count, $last)
        ON CONFLICT ("ConnectionId", "TeamSourceId", "Week", "ActorSourceId", "Class")
        DO UPDATE SET "Count" = "Count" + excluded."Count", "LastAt" = max("LastAt", excluded."LastAt")
        """;

    public static void Add(BacklogDbContext db, IEnumerable<ActivityCount> increments, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Counts are incremented inside the page's transaction.");
        command.CommandText = Upsert;
        var connectionId = command.Parameters.Add(new SqliteParameter("$connection", DBNull.Value));
        var team = command.Parameters.Add(new SqliteParameter("$team", DBNull.Value));
        var week = command.Parameters.Add(new SqliteParameter("$week", DBNull.Value));
        var actor = command.Parameters.Add(new SqliteParameter("$actor", DBNull.Value));
        var @class = command.Parameters.Add(new SqliteParameter("$class", DBNull.Value));
        var count = command.Parameters.Add(new SqliteParameter("$count", DBNull.Value));
        var last = command.Parameters.Add(new SqliteParameter("$last", DBNull.Value));
        command.Prepare();
        foreach (var increment in increments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            connectionId.Value = increment.ConnectionId.ToString("D").ToUpperInvariant();
            team.Value = increment.TeamSourceId;
            week.Value = increment.Week;
            actor.Value = increment.ActorSourceId;
            @class.Value = increment.Class.ToString();
            count.Value = increment.Count;
            last.Value = increment.LastAt.UtcTicks;
            command.ExecuteNonQuery();
        }
    }
}
