using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Reads a string property through <see cref="AdoStringPool"/>: for values that repeat across updates, such as <c>revisedDate</c>.</summary>
internal sealed class AdoPooledStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? AdoStringPool.Get(ref reader)
            : throw new JsonException($"Expected a string, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
