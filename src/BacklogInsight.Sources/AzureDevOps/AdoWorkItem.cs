namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A work item as <c>workitemsbatch</c> returns it; a field without a value is absent from <see cref="Fields"/>.</summary>
public sealed record AdoWorkItem
{
    public int Id { get; init; }

    public int Rev { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(AdoFieldsConverter<AdoFieldValue>))]
    public Dictionary<string, AdoFieldValue> Fields { get; init => field = value ?? []; } = [];

    public List<AdoRelation>? Relations { get; init; }
}
