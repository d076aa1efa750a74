using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// One statement prepared on an open connection and run many times with parameters bound by position, straight
/// through SQLite's API. For bulk writes inside a transaction the caller holds: ADO.NET's <see cref="SqliteCommand"/>
/// looks each parameter up by name and creates a data reader on every execution, which costs more than the insert.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    // What each parameter holds now: SQLite keeps bindings from one execution to the next, so a value equal to the
    // last one (the connection, the item, the taxonomy version of consecutive rows) is not bound again.
    private readonly Slot[] _bound;

    // Text is encoded to UTF-8 here and SQLite copies it while binding: one buffer for every row instead of a new
    // array per value, which is what binding a string costs otherwise.
    private byte[] _utf8 = new byte[512];

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        _bound = new Slot[raw.sqlite3_bind_parameter_count(_statement) + 1];
    }

    private enum Held : byte
    {
        Nothing,
        Null,
        Text,
        Integer,
        Real,
    }

    /// <summary>Binds text by position (1-based), or NULL.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }

        ref var slot = ref _bound[index];
        if (slot.Held == Held.Text && string.Equals(slot.Text, value, StringComparison.Ordinal))
        {
            return;
        }

        if (value.Length == 0)
        {
            // An empty span has no address, which SQLite would take for NULL.
            Check(raw.sqlite3_bind_text(_statement, index, value));
        }
        else
        {
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (most > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(value, _utf8);
            Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
        }

        slot = new Slot { Held = Held.Text, Text = value };
    }

    public void Bind(int index, long value)
    {
        ref var slot = ref _bound[index];
        if (slot.Held == Held.Integer && slot.Integer == value)
        {
            return;
        }

        Check(raw.sqlite3_bind_int64(_statement, index, value));
        slot = new Slot { Held = Held.Integer, Integer = value };
    }

    public void Bind(int index, int? value)
    {
        if (value is { } v)
        {
            Bind(index, (long)v);
        }
        else
        {
            BindNull(index);
        }
    }

    public void Bind(int index, double? value)
    {
        if (value is not { } v)
        {
            BindNull(index);
            return;
        }

        ref var slot = ref _bound[index];
        if (slot.Held == Held.Real && slot.Real.Equals(v))
        {
            return;
        }

        Check(raw.sqlite3_bind_double(_statement, index, v));
        slot = new Slot { Held = Held.Real, Real = v };
    }

    /// <summary>Runs the statement with the values bound and returns the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        var changes = rc == raw.SQLITE_DONE ? raw.sqlite3_changes(_db) : 0;
        // Reset reports the step's error again; the bindings stay for the next execution.
        var reset = raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(reset != raw.SQLITE_OK ? reset : rc, _db);
        }

        return changes;
    }

    public void Dispose() => _statement.Dispose();

    private void BindNull(int index)
    {
        ref var slot = ref _bound[index];
        if (slot.Held != Held.Null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            slot = new Slot { Held = Held.Null };
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private struct Slot
    {
        public Held Held;
        public string? Text;
        public long Integer;
        public double Real;
    }
}
