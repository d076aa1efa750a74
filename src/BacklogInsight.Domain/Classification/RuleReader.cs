using System.Collections.Frozen;
using System.Text.Json;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>Reads and validates the <c>rules</c> section of a taxonomy file.</summary>
internal sealed class RuleReader(FrozenDictionary<string, FrozenSet<string>> states)
{
    private static readonly FrozenSet<string> RuleKeys =
        FrozenSet.ToFrozenSet(["id", "class", "reason", "decidedBy", "confidence", "maxConfidence", "when"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ConditionKeys = FrozenSet.ToFrozenSet(
        ["kinds", "fields", "sourceFields", "exceptSourceFields", "scopes", "actors", "itemTypes", "started", "hasText", "contentFree", "from", "to", "status", "cues"],
        StringComparer.Ordinal);

    public List<TaxonomyRule> ReadAll(JsonElement section)
    {
        if (section.ValueKind != JsonValueKind.Array || section.GetArrayLength() == 0)
        {
            throw new TaxonomyException("section 'rules': must be a non-empty array");
        }

        var rules = new List<TaxonomyRule>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lastPhase = 0;
        foreach (var element in section.EnumerateArray())
        {
            var rule = Read(element, rules.Count);
            if (!ids.Add(rule.Id))
            {
                throw new TaxonomyException($"rule '{rule.Id}': the id is used twice");
            }

            var phase = Phase(rule.Id);
            if (phase < lastPhase)
            {
                throw new TaxonomyException($"rule '{rule.Id}': listed after a rule of a later precedence step; rules must follow P1..P7, then default");
            }

            lastPhase = phase;
            rules.Add(rule);
        }

        return rules[^1].IsCatchAll
            ? rules
            : throw new TaxonomyException($"rule '{rules[^1].Id}': the last rule must have no conditions, so every activity gets a class");
    }

    private TaxonomyRule Read(JsonElement element, int index)
    {
        var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()!
            : throw new TaxonomyException($"rules[{index}]: 'id' is missing");
        var where = $"rule '{id}'";
        foreach (var property in element.EnumerateObject())
        {
            if (!RuleKeys.Contains(property.Name))
            {
                throw new TaxonomyException($"{where}: unknown key '{property.Name}'");
            }
        }

        var when = element.TryGetProperty("when", out var w) ? w : default;
        if (when.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined))
        {
            throw new TaxonomyException($"{where}: 'when' must be an object");
        }

        var rule = new TaxonomyRule
        {
            Id = id,
            Class = JsonReading.Enum<ActivityClass>(JsonReading.RequiredString(element, "class", where), where, "class"),
            Reason = JsonReading.RequiredString(element, "reason", where),
            DecidedBy = Flags<RuleSignals>(element, "decidedBy", where, "signal"),
            Confidence = JsonReading.Probability(element, "confidence", where),
            MaxConfidence = JsonReading.Probability(element, "maxConfidence", where),
        };
        return when.ValueKind == JsonValueKind.Object ? ReadCondition(rule, when, where) : rule;
    }

    private TaxonomyRule ReadCondition(TaxonomyRule rule, JsonElement when, string where)
    {
        foreach (var property in when.EnumerateObject())
        {
            if (!ConditionKeys.Contains(property.Name))
            {
                throw new TaxonomyException($"{where}: unknown condition '{property.Name}'");
            }
        }

        return rule with
        {
            KindMask = Mask(when, "kinds", where, name => ActivityKindNames.TryParse(name, out var kind) ? (int)kind : -1, "action kind"),
            FieldMask = FieldMask(when, where),
            SourceFields = OptionalSet(when, "sourceFields", where),
            ExceptSourceFields = OptionalSet(when, "exceptSourceFields", where),
            ScopeMask = Mask(when, "scopes", where, name => Enum.TryParse<ItemScope>(name, true, out var scope) ? (int)scope : -1, "scope"),
            ActorMask = ActorMask(when, where),
            ItemTypes = OptionalSet(when, "itemTypes", where),
            Started = JsonReading.Flag(when, "started", where),
            HasText = JsonReading.Flag(when, "hasText", where),
            ContentFree = JsonReading.Flag(when, "contentFree", where),
            From = StateLists(when, "from", where),
            To = StateLists(when, "to", where),
            Status = StateLists(when, "status", where),
            Cues = CueConditions(when, where),
        };
    }

    private static long FieldMask(JsonElement when, string where)
    {
        long mask = 0;
        foreach (var name in JsonReading.Strings(when, "fields", where))
        {
            mask |= 1L << (int)JsonReading.Enum<CanonicalField>(name, where, "field");
        }

        return mask;
    }

    private static int ActorMask(JsonElement when, string where) => Mask(when, "actors", where, name => name.ToUpperInvariant() switch
    {
        "NONASSIGNEE" => (1 << (int)ActorRelation.Reporter) | (1 << (int)ActorRelation.Other),
        "HUMAN" => (1 << (int)ActorRelation.Assignee) | (1 << (int)ActorRelation.Reporter) | (1 << (int)ActorRelation.Other),
        _ => Enum.TryParse<ActorRelation>(name, true, out var relation) && !int.TryParse(name, out _) ? 1 << (int)relation : -1,
    }, "actor", alreadyBits: true);

    private static int Mask(JsonElement when, string key, string where, Func<string, int> parse, string what, bool alreadyBits = false)
    {
        var mask = 0;
        foreach (var name in JsonReading.Strings(when, key, where))
        {
            var value = parse(name);
            if (value < 0)
            {
                throw new TaxonomyException($"{where}: unknown {what} '{name}'");
            }

            mask |= alreadyBits ? value : 1 << value;
        }

        return mask;
    }

    private static FrozenSet<string>? OptionalSet(JsonElement when, string key, string where) =>
        when.TryGetProperty(key, out _) ? JsonReading.StringSet(when, key, where) : null;

    private List<FrozenSet<string>>? StateLists(JsonElement when, string key, string where)
    {
        if (!when.TryGetProperty(key, out _))
        {
            return null;
        }

        return JsonReading.Strings(when, key, where)
            .Select(name => states.TryGetValue(name, out var set) ? set : throw new TaxonomyException($"{where}: unknown state list '{name}' in '{key}'"))
            .ToList();
    }

    private static List<CueCondition> CueConditions(JsonElement when, string where)
    {
        if (!when.TryGetProperty("cues", out var cues))
        {
            return [];
        }

        if (cues.ValueKind != JsonValueKind.Array)
        {
            throw new TaxonomyException($"{where}: 'cues' must be an array");
        }

        var result = new List<CueCondition>();
        foreach (var cue in cues.EnumerateArray())
        {
            var set = JsonReading.Enum<CueSet>(JsonReading.RequiredString(cue, "set", where), where, "cue set");
            var max = Int(cue, "max", where) ?? int.MaxValue;
            result.Add(new CueCondition
            {
                Set = set,
                Scope = Flags<TextScope>(cue, "in", where, "text scope") is var scope and not TextScope.None
                    ? scope
                    : throw new TaxonomyException($"{where}: cue condition on '{set}' needs 'in' (action, value, item)"),
                // "max": 0 alone means "absent", so the default minimum drops with it.
                Min = Int(cue, "min", where) ?? Math.Min(1, max),
                Max = max,
                Exceeds = JsonReading.Strings(cue, "exceeds", where).Select(name => JsonReading.Enum<CueSet>(name, where, "cue set")).ToList(),
                By = Int(cue, "by", where) ?? 0,
            });
        }

        return result;
    }

    private static int? Int(JsonElement parent, string key, string where) =>
        !parent.TryGetProperty(key, out var value) ? null
        : value.TryGetInt32(out var number) ? number
        : throw new TaxonomyException($"{where}: '{key}' must be an integer");

    private static TEnum Flags<TEnum>(JsonElement parent, string key, string where, string what)
        where TEnum : struct, Enum
    {
        var bits = 0;
        foreach (var name in JsonReading.Strings(parent, key, where))
        {
            bits |= Convert.ToInt32(JsonReading.Enum<TEnum>(name, where, what), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (TEnum)Enum.ToObject(typeof(TEnum), bits);
    }

    private static int Phase(string id)
    {
        if (id.StartsWith("default", StringComparison.OrdinalIgnoreCase))
        {
            return 8;
        }

        return id.Length >= 2 && id[0] is 'P' or 'p' && id[1] is >= '1' and <= '7' && (id.Length == 2 || id[2] == '.')
            ? id[1] - '0'
            : throw new TaxonomyException($"rule '{id}': the id must start with a precedence step P1..P7 (e.g. 'P4.rank.portfolio') or 'default'");
    }
}
