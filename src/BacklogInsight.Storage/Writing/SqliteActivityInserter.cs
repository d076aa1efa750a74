using System.Text.Json;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BacklogInsight.Storage.Writing;

/// <summary>
/// Inserts a page's activities with one prepared statement inside the page's transaction, skipping those whose
/// source key is stored already. EF's change tracking cost about 97% of a sync's time, and asking first which keys
/// exist cost a query of thousands of parameters per page; the unique index on (connection, source key) answers
/// instead. The rows written here are exactly what EF would write: the same columns, UTC ticks for instants, enum
/// names, upper-case GUID text, JSON reasons.
/// </summary>
internal static class SqliteActivityInserter
{
    private const string Insert = """
        INSERT INTO "Activities" ("ConnectionId", "SourceKey", "WorkItemSourceId", "ActorSourceId", "OccurredAt", "Kind", "Field",
            "SourceField", "From", "To", "Text", "TeamSourceId", "Week", "Class", "Confidence", "RuleId", "Reasons", "TaxonomyVersion")
        VALUES ($connection, $key, $item, $actor, $at, $kind, $field, $sourceField, $from, $to, $text, $team, $week,
            $class, $confidence, $rule, $reasons, $taxonomy)
        ON CONFLICT ("ConnectionId", "SourceKey") DO NOTHING
        """;

    private static readonly string[] Parameters =
    [
        "$connection", "$key", "$item", "$actor", "$at", "$kind", "$field", "$sourceField", "$from", "$to", "$text", "$team", "$week",
        "$class", "$confidence", "$rule", "$reasons", "$taxonomy",
    ];

    /// <summary>Inserts the activities not stored yet (the first of any repeated key wins) and returns them.</summary>
    public static IReadOnlyList<Activity> InsertNew(BacklogDbContext db, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Activities are inserted inside the page's transaction.");
        command.CommandText = Insert;
        var values = Parameters.Select(name => command.Parameters.Add(new SqliteParameter(name, DBNull.Value))).ToArray();
        command.Prepare();
        var added = new List<Activity>(activities.Count);
        string? connectionText = null;
        var connectionOf = Guid.Empty;
        foreach (var a in activities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (connectionText is null || a.ConnectionId != connectionOf)
            {
                connectionOf = a.ConnectionId;
                connectionText = a.ConnectionId.ToString("D").ToUpperInvariant();
            }

            var c = a.Classification;
            values[0].Value = connectionText;
            values[1].Value = a.SourceKey;
            values[2].Value = a.WorkItemSourceId;
            values[3].Value = (object?)a.ActorSourceId ?? DBNull.Value;
            values[4].Value = a.OccurredAt.UtcTicks;
            values[5].Value = a.Kind.ToString();
            values[6].Value = a.Field.ToString();
            values[7].Value = (object?)a.SourceField ?? DBNull.Value;
            values[8].Value = (object?)a.From ?? DBNull.Value;
            values[9].Value = (object?)a.To ?? DBNull.Value;
            values[10].Value = (object?)a.Text ?? DBNull.Value;
            values[11].Value = (object?)a.TeamSourceId ?? DBNull.Value;
            values[12].Value = a.Week is { } week ? WeekKey.Of(week) : DBNull.Value;
            values[13].Value = c is null ? DBNull.Value : c.Class.ToString();
            values[14].Value = c is null ? DBNull.Value : c.Confidence;
            values[15].Value = (object?)c?.RuleId ?? DBNull.Value;
            values[16].Value = c is null ? DBNull.Value : JsonSerializer.Serialize(c.Reasons, JsonSerializerOptions.Default);
            values[17].Value = (object?)c?.TaxonomyVersion ?? DBNull.Value;
            if (command.ExecuteNonQuery() == 1)
            {
                added.Add(a);
            }
        }

        return added;
    }
}
