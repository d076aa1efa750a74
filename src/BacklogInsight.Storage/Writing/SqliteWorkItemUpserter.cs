using BacklogInsight.Domain.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// Inserts or updates a page's work items with one prepared <c>INSERT … ON CONFLICT DO UPDATE</c> inside the page's
/// transaction, instead of loading the stored rows and tracking them. The columns and their stored values come from
/// the EF model (its converters included), so a column added to <see cref="WorkItem"/> is written here too; every
/// column but the ids is overwritten, as <see cref="WorkItemCopy"/> does on other providers.
/// </summary>
internal static class SqliteWorkItemUpserter
{
    public static void Upsert(BacklogDbContext db, IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var columns = ColumnsOf(db.Model);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Work items are upserted inside the page's transaction.");
        command.CommandText = columns.Sql;
        // The type mappings make the parameters as EF would (GUIDs as text, for one), so the rows match EF's.
        var values = columns.Properties.Select((p, i) =>
        {
            var parameter = p.Mapping.CreateParameter(command, $"$p{i}", null);
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Properties.Count; i++)
            {
                var (getter, mapping) = columns.Properties[i];
                var value = getter.GetClrValueUsingContainingEntity(item);
                values[i].Value = (mapping.Converter is null || value is null ? value : mapping.Converter.ConvertToProvider(value)) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private static Columns ColumnsOf(IModel model)
    {
        // The model is built once per context type, so its statement is too.
        if (_columns is { } cached && ReferenceEquals(cached.Model, model))
        {
            return cached;
        }

        var entity = model.FindEntityType(typeof(WorkItem)) ?? throw new InvalidOperationException("WorkItem is not mapped.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException("WorkItem has no table.");
        var key = entity.GetIndexes().Single(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual([nameof(WorkItem.ConnectionId), nameof(WorkItem.SourceId)]));
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var names = properties.Select(p => Quote(p.GetColumnName(store) ?? p.Name)).ToList();
        var updated = properties.Where(p => !key.Properties.Contains(p)).Select(p => Quote(p.GetColumnName(store) ?? p.Name));
        var sql = $"""
            INSERT INTO {Quote(table)} ({string.Join(", ", names)})
            VALUES ({string.Join(", ", properties.Select((_, i) => $"$p{i}"))})
            ON CONFLICT ({string.Join(", ", key.Properties.Select(p => Quote(p.GetColumnName(store) ?? p.Name)))})
            DO UPDATE SET {string.Join(", ", updated.Select(c => $"{c} = excluded.{c}"))}
            """;
        var built = new Columns(
            model,
            sql,
            properties.Select(p => (p.GetGetter(), p.GetRelationalTypeMapping())).ToList());
        _columns = built;
        return built;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static Columns? _columns;

    private sealed record Columns(IModel Model, string Sql, IReadOnlyList<(IClrPropertyGetter Getter, RelationalTypeMapping Mapping)> Properties);
}
