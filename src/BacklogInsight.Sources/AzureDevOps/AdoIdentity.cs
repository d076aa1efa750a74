using System.Text.Json;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// An identity reference in either wire form: the object of api-version 5.0 and later, or the string
/// <c>"Display Name &lt;unique name&gt;"</c> of 4.1 and the reporting API.
/// </summary>
public sealed record AdoIdentity
{
    public string? Id { get; init; }

    public string? DisplayName { get; init; }

    public string? UniqueName { get; init; }

    public string? Descriptor { get; init; }

    public bool IsContainer { get; init; }

    /// <summary>
    /// The person's source id: the unique name (the one key every API form carries, strings included), else the
    /// id, else the display name.
    /// </summary>
    public string? Key => NullIfEmpty(UniqueName) ?? NullIfEmpty(Id) ?? NullIfEmpty(DisplayName);

    /// <summary>Reads an identity from an object or a string; null for anything else or an empty object.</summary>
    public static AdoIdentity? From(JsonElement? element)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return FromText(value.GetString());
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var identity = new AdoIdentity
        {
            Id = Text(value, "id"),
            DisplayName = Text(value, "displayName"),
            UniqueName = Text(value, "uniqueName"),
            Descriptor = Text(value, "descriptor"),
            IsContainer = value.TryGetProperty("isContainer", out var container) && container.ValueKind == JsonValueKind.True,
        };
        return identity.Key is null ? null : identity;
    }

    /// <summary>Reads an identity from a field value: an identity object, or a string in the older form.</summary>
    public static AdoIdentity? From(AdoFieldValue? value) => value?.Kind switch
    {
        JsonValueKind.Object => value.Identity,
        JsonValueKind.String => value.Identity,
        _ => null,
    };

    /// <summary>The string form <c>"Display Name &lt;unique name&gt;"</c> (or a bare name); null for blank text.</summary>
    public static AdoIdentity? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var open = text.LastIndexOf('<');
        var close = text.LastIndexOf('>');
        return open >= 0 && close > open
            ? new AdoIdentity { DisplayName = text[..open].Trim(), UniqueName = text[(open + 1)..close].Trim() }
            : new AdoIdentity { DisplayName = text.Trim() };
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
