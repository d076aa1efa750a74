using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Writes an activity as one JSONL line of the labelled-set schema (the one <see cref="ActivityRecordParser"/>
/// reads), optionally with a label and why (an exported override) or with a prediction (the classify tool).
/// </summary>
public static class ActivityRecordWriter
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static string Write(string id, string? itemKey, ActivityContext context, ActivityClass? label = null, string? why = null, Model.Classification? predicted = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = new JsonObject
        {
            ["id"] = id,
            ["source"] = context.Source,
            ["item"] = new JsonObject
            {
                ["key"] = itemKey,
                ["type"] = context.ItemType,
                ["hierarchyLevel"] = context.HierarchyLevel,
                ["summary"] = context.Summary ?? string.Empty,
                ["description"] = context.Description ?? string.Empty,
                ["labels"] = new JsonArray(context.Labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
                ["status"] = context.Status,
            },
            ["action"] = new JsonObject
            {
                ["kind"] = ActivityKindNames.ToName(context.Kind),
                ["field"] = context.SourceField,
                ["from"] = context.From,
                ["to"] = context.To,
                ["text"] = context.Text,
            },
            ["actor"] = new JsonObject
            {
                ["isAssignee"] = context.IsAssignee,
                ["isReporter"] = context.IsReporter,
                ["isBot"] = context.IsBot,
            },
        };
        if (label is { } known)
        {
            record["label"] = ClassName(known);
            record["why"] = why;
        }

        if (predicted is not null)
        {
            record["predicted"] = ClassName(predicted.Class);
            record["confidence"] = Math.Round(predicted.Confidence, 3);
            record["rules"] = new JsonArray(JsonValue.Create(predicted.RuleId));
            record["reasons"] = new JsonArray(predicted.Reasons.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }

        return record.ToJsonString(Compact);
    }

    /// <summary>The class as the labelled sets write it: <c>strategic</c>, <c>tactical</c>, <c>delivery</c>, <c>other</c>.</summary>
    public static string ClassName(ActivityClass value) => value.ToString().ToLowerInvariant();
}
