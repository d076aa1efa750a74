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
        (TryParseUtcIso(text, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
        && date.Year is > 1 and < 9999
            ? date.ToUniversalTime()
            : null;

    /// <summary>
    /// The form Azure DevOps sends nearly every instant in, <c>yyyy-MM-ddTHH:mm:ss[.f{1,7}]Z</c>, read without the general
    /// parser (a few of them per update); anything else (offsets, no zone, odd values) is left to <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/>.
    /// </summary>
    private static bool TryParseUtcIso(string? text, out DateTimeOffset date)
    {
        date = default;
        if (text is not { Length: >= 20 and <= 28 } || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[^1] != 'Z')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        long fraction = 0;
        if (text.Length > 20)
        {
            var digits = text.Length - 21;
            if (text[19] != '.' || digits < 1 || !Digits(text, 20, digits, out var value))
            {
                return false;
            }

            fraction = value;
            for (var i = digits; i < 7; i++)
            {
                fraction *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        date = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction), TimeSpan.Zero);
        return true;

        static bool Digits(string text, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                var digit = text[i] - '0';
                if (digit is < 0 or > 9)
                {
                    return false;
                }

                value = (value * 10) + digit;
            }

            return true;
        }
    }

    public static int? Int(IReadOnlyDictionary<string, AdoFieldValue> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value.Int32 : null;
}
