using Microsoft.Data.Sqlite;

namespace BacklogInsight.Storage.Writing;

/// <summary>Tells a database that was busy (another connection held its write lock past the busy timeout) from other failures.</summary>
public static class DatabaseBusy
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>True when <paramref name="exception"/>, or one it wraps, is SQLite's "database is locked" or "busy".</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }
}
