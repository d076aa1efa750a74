using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// A loosely typed field value of a work item or an update, read straight off the wire into what the mapper uses:
/// text (strings as they are, numbers invariant), a 32-bit number when it is one, and an identity reference when the
/// value is one. Cheaper than a <see cref="JsonElement"/>, which keeps a document per value.
/// </summary>
[JsonConverter(typeof(AdoFieldValueConverter))]
public sealed class AdoFieldValue
{
    public static readonly AdoFieldValue Null = new(JsonValueKind.Null, null, null, null);

    private AdoFieldValue(JsonValueKind kind, string? text, int? number, AdoIdentity? identity)
    {
        Kind = kind;
        Text = text;
        Int32 = number;
        _identity = identity;
    }

    /// <summary>The JSON kind the value had on the wire.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>Strings as they are, numbers in invariant form, <c>true</c>/<c>false</c>; null for null, objects and arrays.</summary>
    public string? Text { get; }

    /// <summary>The number, when it is a whole number that fits 32 bits.</summary>
    public int? Int32 { get; }

    /// <summary>The identity reference, when the value is an object that names one (or a <c>"Name &lt;unique&gt;"</c> string).</summary>
    public AdoIdentity? Identity => Kind == JsonValueKind.String ? AdoIdentity.FromText(Text) : _identity;

    private readonly AdoIdentity? _identity;

    public static AdoFieldValue FromString(string? text) =>
        text is null ? Null : new(JsonValueKind.String, text, null, null);

    public static AdoFieldValue FromNumber(long whole) =>
        new(JsonValueKind.Number, whole.ToString(CultureInfo.InvariantCulture), whole is >= int.MinValue and <= int.MaxValue ? (int)whole : null, null);

    public static AdoFieldValue FromNumber(double number) =>
        new(JsonValueKind.Number, number.ToString("R", CultureInfo.InvariantCulture), null, null);

    public static AdoFieldValue FromBoolean(bool value) => value ? True : False;

    public static AdoFieldValue FromObject(AdoIdentity? identity) => new(JsonValueKind.Object, null, null, identity);

    internal static readonly AdoFieldValue Array = new(JsonValueKind.Array, null, null, null);

    private static readonly AdoFieldValue True = new(JsonValueKind.True, "true", null, null);

    private static readonly AdoFieldValue False = new(JsonValueKind.False, "false", null, null);
}

/// <summary>Reads an <see cref="AdoFieldValue"/> token by token; identity objects keep only the properties an identity needs.</summary>
internal sealed class AdoFieldValueConverter : JsonConverter<AdoFieldValue>
{
    public override bool HandleNull => true;

    public override AdoFieldValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                // States, types, paths and names repeat on every update, and so do instants: an update's old System.ChangedDate
                // is the previous update's new one.
                return AdoStringPool.GetFieldValue(ref reader);
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var whole) ? AdoFieldValue.FromNumber(whole) : AdoFieldValue.FromNumber(reader.GetDouble());
            case JsonTokenType.True:
                return AdoFieldValue.FromBoolean(true);
            case JsonTokenType.False:
                return AdoFieldValue.FromBoolean(false);
            case JsonTokenType.StartObject:
                return ReadIdentity(ref reader);
            case JsonTokenType.StartArray:
                reader.Skip();
                return AdoFieldValue.Array;
            default:
                return AdoFieldValue.Null;
        }
    }

    public override void Write(Utf8JsonWriter writer, AdoFieldValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(value.Text);
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(value.Text!);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBooleanValue(value.Kind == JsonValueKind.True);
                break;
            case JsonValueKind.Object when value.Identity is { } identity:
                JsonSerializer.Serialize(writer, identity, options);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Identity values read lately, by their (pooled, so comparable by reference) strings: a page names a few people many times.</summary>
    private static readonly IdentityEntry?[] Identities = new IdentityEntry?[1024];

    private static AdoFieldValue ReadIdentity(ref Utf8JsonReader reader)
    {
        string? id = null, displayName = null, uniqueName = null, descriptor = null;
        var isContainer = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            if (escaped || reader.TokenType is not (JsonTokenType.String or JsonTokenType.True or JsonTokenType.False))
            {
                reader.Skip();
                continue;
            }

            if (name.SequenceEqual("id"u8))
            {
                id = String(ref reader);
            }
            else if (name.SequenceEqual("displayName"u8))
            {
                displayName = String(ref reader);
            }
            else if (name.SequenceEqual("uniqueName"u8))
            {
                uniqueName = String(ref reader);
            }
            else if (name.SequenceEqual("descriptor"u8))
            {
                descriptor = String(ref reader);
            }
            else if (name.SequenceEqual("isContainer"u8))
            {
                isContainer = reader.TokenType == JsonTokenType.True;
            }
        }

        var slot = HashCode.Combine(
            id is null ? 0 : RuntimeHelpers.GetHashCode(id),
            displayName is null ? 0 : RuntimeHelpers.GetHashCode(displayName),
            uniqueName is null ? 0 : RuntimeHelpers.GetHashCode(uniqueName),
            descriptor is null ? 0 : RuntimeHelpers.GetHashCode(descriptor),
            isContainer) & (Identities.Length - 1);
        if (Volatile.Read(ref Identities[slot]) is { } known && ReferenceEquals(known.Id, id) && ReferenceEquals(known.DisplayName, displayName)
            && ReferenceEquals(known.UniqueName, uniqueName) && ReferenceEquals(known.Descriptor, descriptor) && known.IsContainer == isContainer)
        {
            return known.Value;
        }

        var identity = new AdoIdentity { Id = id, DisplayName = displayName, UniqueName = uniqueName, Descriptor = descriptor, IsContainer = isContainer };
        var value = AdoFieldValue.FromObject(identity.Key is null ? null : identity);
        Volatile.Write(ref Identities[slot], new IdentityEntry(id, displayName, uniqueName, descriptor, isContainer, value));
        return value;

        static string? String(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? AdoStringPool.Get(ref reader) : null;
    }

    private sealed record IdentityEntry(string? Id, string? DisplayName, string? UniqueName, string? Descriptor, bool IsContainer, AdoFieldValue Value);
}
