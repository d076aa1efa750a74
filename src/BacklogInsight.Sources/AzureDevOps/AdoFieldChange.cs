using System.Text.Json;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A field delta of an update: an absent old value was empty, an absent new value was cleared.</summary>
public sealed record AdoFieldChange
{
    public JsonElement? OldValue { get; init; }

    public JsonElement? NewValue { get; init; }
}
