using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Reads every date-time form Jira sends: <c>2024-01-15T09:30:00.000+0000</c> (no colon, which System.Text.Json
/// refuses), <c>…Z</c>, <c>…+10:00</c>, any number of fractional digits or none, and epoch seconds or milliseconds as
/// numbers (bulk changelog). Jira's usual form is read straight from the UTF-8 bytes: a search page holds dozens per issue.
/// </summary>
internal sealed class JiraDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
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

        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            && TryParseUsual(reader.ValueSpan, out var usual))
        {
            return usual;
        }

        return Parse(reader.GetString()) ?? throw new JsonException("An empty date where a date-time was expected.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fff±hhmm</c>, the form Jira Cloud and Data Center send, without a string.</summary>
    internal static bool TryParseUsual(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 28 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[19] != '.' || text[23] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || !Digits(text, 20, 3, out var millisecond) || !Digits(text, 24, 2, out var offsetHours) || !Digits(text, 26, 2, out var offsetMinutes)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59
            || offsetHours > 14 || offsetMinutes > 59 || year < 1)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, text[23] == '-' ? -offset : offset).ToUniversalTime();
        return true;

        static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int number)
        {
            number = 0;
            foreach (var digit in text.Slice(start, count))
            {
                if (digit is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                number = (number * 10) + (digit - '0');
            }

            return true;
        }
    }

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
