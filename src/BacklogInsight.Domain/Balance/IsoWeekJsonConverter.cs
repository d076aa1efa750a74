using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Domain.Balance;

/// <summary>
/// Writes an <see cref="IsoWeek"/> as its ISO text (<c>"2026-W47"</c>), as a value and as a dictionary key, and reads it
/// back strictly. The text is how people, URLs and the API name a week; an object of year and week would round-trip
/// through the struct's default constructor as week 0 of year 0.
/// </summary>
public sealed class IsoWeekJsonConverter : JsonConverter<IsoWeek>
{
    public override IsoWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);

    public override void Write(Utf8JsonWriter writer, IsoWeek value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    public override IsoWeek ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, IsoWeek value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }

    private static IsoWeek Parse(string? text) =>
        IsoWeek.TryParse(text, out var week, out var error) ? week : throw new JsonException(error);
}
