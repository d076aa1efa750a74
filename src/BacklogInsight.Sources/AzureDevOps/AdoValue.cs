using System.Globalization;
using System.Text.Json;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Reads the loosely typed field values of work items and updates: strings, numbers, dates and identities.</summary>
internal static class AdoValue
{
    public static string? Text(IReadOnlyDictionary<string, AdoFieldValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? Text(value) : null;

    /// <summary>A value as text: strings as they are, numbers invariant, identities by their key; null for null or empty.</summary>
    public static string? Text(AdoFieldValue? value) => value switch
    {
        null => null,
        { Kind: JsonValueKind.String } => value.Text is { Length: > 0 } text ? text : null,
        { Kind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } => value.Text,
        { Kind: JsonValueKind.Object } => value.Identity?.Key,
        _ => null,
    };

    public static DateTimeOffset? Date(AdoFieldValue? value) => Date(Text(value));

    /// <summary>A value as text: strings as they are, numbers invariant, identities by their key; null for null or empty.</summary>
    public static string? Text(JsonElement? element) => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString() is { Length: > 0 } text ? text : null,
        { ValueKind: JsonValueKind.Number } value => value.TryGetInt64(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { ValueKind: JsonValueKind.Object } value => AdoIdentity.From(value)?.Key,
        _ => null,
    };

    /// <summary>An instant in UTC; zone-less values are read as UTC, and the year-1 and year-9999 sentinels as null.</summary>
    public static DateTimeOffset? Date(JsonElement? element) => Date(Text(element));

    public static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
        && date.Year is > 1 and < 9999
            ? date.ToUniversalTime()
            : null;

    public static int? Int(IReadOnlyDictionary<string, AdoFieldValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value.Int32 : null;
}
