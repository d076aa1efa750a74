using System.Text.Json;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Parses one JSONL line of the labelled-set schema (id, source, item, action, actor, optional label and why)
/// into an <see cref="ActivityRecord"/>. It never throws on bad input: the result carries what is wrong.
/// </summary>
public static class ActivityRecordParser
{
    public static ActivityRecordParseResult Parse(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return ActivityRecordParseResult.Failure("empty line");
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            return ActivityRecordParseResult.Failure($"bad JSON: {ex.Message}");
        }
        catch (FormatException ex)
        {
            return ActivityRecordParseResult.Failure(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return ActivityRecordParseResult.Failure($"wrong value type: {ex.Message}");
        }
    }

    private static ActivityRecordParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ActivityRecordParseResult.Failure("bad JSON: a record must be an object");
        }

        var id = String(root, "id");
        var where = id is null ? "record" : $"record '{id}'";
        if (id is null)
        {
            return ActivityRecordParseResult.Failure("record: missing field 'id'");
        }

        if (!TryObject(root, "item", out var item) || !TryObject(root, "action", out var action) || !TryObject(root, "actor", out var actor))
        {
            return ActivityRecordParseResult.Failure($"{where}: missing object 'item', 'action' or 'actor'");
        }

        var kindName = String(action, "kind");
        if (kindName is null)
        {
            return ActivityRecordParseResult.Failure($"{where}: missing field 'action.kind'");
        }

        if (!ActivityKindNames.TryParse(kindName, out var kind))
        {
            return ActivityRecordParseResult.Failure($"{where}: unknown action kind '{kindName}' (expected {ActivityKindNames.Known})");
        }

        var source = String(root, "source");
        var type = String(item, "type");
        if (source is null || type is null || !item.TryGetProperty("hierarchyLevel", out var level) || !level.TryGetInt32(out var hierarchyLevel))
        {
            return ActivityRecordParseResult.Failure($"{where}: missing field 'source', 'item.type' or 'item.hierarchyLevel' (an integer)");
        }

        ActivityClass? label = null;
        if (String(root, "label") is { } labelName)
        {
            if (!Enum.TryParse<ActivityClass>(labelName, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(labelName, out _))
            {
                return ActivityRecordParseResult.Failure($"{where}: unknown label '{labelName}' (expected strategic, tactical, delivery, other)");
            }

            label = parsed;
        }

        var field = String(action, "field");
        return ActivityRecordParseResult.Success(new ActivityRecord
        {
            Id = id,
            ItemKey = String(item, "key"),
            Label = label,
            Why = String(root, "why"),
            Context = new ActivityContext
            {
                Source = source,
                ItemType = type,
                HierarchyLevel = hierarchyLevel,
                Summary = String(item, "summary"),
                Description = String(item, "description"),
                Labels = Strings(item, "labels"),
                Status = String(item, "status"),
                Kind = kind,
                Field = kind == ActivityKind.Commented ? CanonicalField.Other : FieldCatalogue.FromSourceName(field),
                SourceField = field,
                From = String(action, "from"),
                To = String(action, "to"),
                Text = String(action, "text"),
                IsAssignee = Flag(actor, "isAssignee"),
                IsReporter = Flag(actor, "isReporter"),
                IsBot = Flag(actor, "isBot"),
                ActorName = String(actor, "name") ?? String(actor, "displayName"),
            },
        });
    }

    private static bool TryObject(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;

    /// <summary>A string, or a number written as text (field values are sometimes numeric); null when absent.</summary>
    private static string? String(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out var value) ? null
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new FormatException($"field '{name}' must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}"),
        };

    private static bool Flag(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string[] Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : [];
}
