using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Reads an <see cref="AdoFieldChange"/> (<c>{"oldValue": …, "newValue": …}</c>, names in any case, other properties
/// skipped) straight into its two values: updates hold several each, and the general object reader set up a read
/// stack for every one of them.
/// </summary>
internal sealed class AdoFieldChangeConverter : JsonConverter<AdoFieldChange>
{
    private static readonly AdoFieldValueConverter Values = new();

    public override AdoFieldChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a field change object, found {reader.TokenType}.");
        }

        AdoFieldValue? oldValue = null, newValue = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isOld = Is(ref reader, "oldValue");
            var isNew = !isOld && Is(ref reader, "newValue");
            reader.Read();
            if (isOld)
            {
                oldValue = Values.Read(ref reader, typeof(AdoFieldValue), options);
            }
            else if (isNew)
            {
                newValue = Values.Read(ref reader, typeof(AdoFieldValue), options);
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The field change object ended early.");
        }

        return new AdoFieldChange { OldValue = oldValue, NewValue = newValue };
    }

    public override void Write(Utf8JsonWriter writer, AdoFieldChange value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.OldValue is not null)
        {
            writer.WritePropertyName("oldValue");
            Values.Write(writer, value.OldValue, options);
        }

        if (value.NewValue is not null)
        {
            writer.WritePropertyName("newValue");
            Values.Write(writer, value.NewValue, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>The property name, compared as the serializer's case-insensitive web defaults compare it.</summary>
    private static bool Is(ref Utf8JsonReader reader, string name) =>
        !reader.ValueIsEscaped && reader.ValueSpan.Length == name.Length
            ? System.Text.Ascii.EqualsIgnoreCase(reader.ValueSpan, name)
            : string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);
}
