namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A field delta of an update: an absent old value was empty, an absent new value was cleared.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(AdoFieldChangeConverter))]
public sealed record AdoFieldChange
{
    public AdoFieldValue? OldValue { get; init; }

    public AdoFieldValue? NewValue { get; init; }
}
