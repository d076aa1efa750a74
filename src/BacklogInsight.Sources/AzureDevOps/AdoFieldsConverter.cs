using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Reads a <c>fields</c> object (of a work item or an update) into a dictionary whose keys come from
/// <see cref="AdoStringPool"/>: every item and update repeats the same field reference names. A repeated key keeps the last value.
/// </summary>
internal sealed class AdoFieldsConverter<TValue> : JsonConverter<Dictionary<string, TValue>>
{
    public override Dictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of fields, found {reader.TokenType}.");
        }

        var fields = new Dictionary<string, TValue>(8);
        var converter = (JsonConverter<TValue>)options.GetConverter(typeof(TValue));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return fields;
            }

            var name = AdoStringPool.Get(ref reader)!;
            reader.Read();
            fields[name] = reader.TokenType == JsonTokenType.Null && !converter.HandleNull
                ? default!
                : converter.Read(ref reader, typeof(TValue), options)!;
        }

        throw new JsonException("The fields object ended early.");
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, TValue> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, field) in value)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, field, options);
        }

        writer.WriteEndObject();
    }
}
