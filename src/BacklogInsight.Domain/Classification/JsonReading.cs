using System.Collections.Frozen;
using System.Text.Json;

namespace BacklogInsight.Domain.Classification;

/// <summary>Small readers over <see cref="JsonElement"/> that fail with a <see cref="TaxonomyException"/> naming the place.</summary>
internal static class JsonReading
{
    public static JsonElement Required(JsonElement parent, string name, string where) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new TaxonomyException($"{where}: '{name}' is missing");

    public static string RequiredString(JsonElement parent, string name, string where)
    {
        var value = Required(parent, name, where);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new TaxonomyException($"{where}: '{name}' must be a non-empty string");
    }

    public static IReadOnlyList<string> Strings(JsonElement parent, string name, string where)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return [value.GetString()!.Trim()];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new TaxonomyException($"{where}: '{name}' must be an array of strings");
        }

        var result = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new TaxonomyException($"{where}: '{name}' holds a value that is not a non-empty string");
            }

            result.Add(item.GetString()!.Trim());
        }

        return result;
    }

    public static FrozenSet<string> StringSet(JsonElement parent, string name, string where) =>
        Strings(parent, name, where).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static double? Probability(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 1 and var number
            ? number
            : throw new TaxonomyException($"{where}: '{name}' must be a number between 0 and 1");
    }

    public static bool? Flag(JsonElement parent, string name, string where)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new TaxonomyException($"{where}: '{name}' must be true or false"),
        };
    }

    public static TEnum Enum<TEnum>(string text, string where, string what)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new TaxonomyException($"{where}: unknown {what} '{text}'");
}
