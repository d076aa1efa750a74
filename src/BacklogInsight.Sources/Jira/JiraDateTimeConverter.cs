using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Reads every date-time form Jira sends: <c>2024-01-15T09:30:00.000+0000</c> (no colon, which System.Text.Json
/// refuses), <c>…Z</c>, <c>…+10:00</c>, and epoch seconds or milliseconds as numbers (bulk changelog).
/// </summary>
internal sealed class JiraDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fffzzz",
        "yyyy-MM-dd'T'HH:mm:ss.fffK",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var number = reader.GetInt64();
            return number > 100_000_000_000
                ? DateTimeOffset.FromUnixTimeMilliseconds(number)
                : DateTimeOffset.FromUnixTimeSeconds(number);
        }

        return Parse(reader.GetString()) ?? throw new JsonException("An empty date where a date-time was expected.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));

    /// <summary>Parses one Jira date-time text; null for empty or <c>&lt;null&gt;</c>; UTC when no offset is given.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "<null>")
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(
                text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        throw new JsonException($"'{text}' is not a date-time Jira is known to send.");
    }
}
