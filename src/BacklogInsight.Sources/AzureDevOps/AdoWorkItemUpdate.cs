namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// One update of a work item (<c>workItems/{id}/updates</c>). <see cref="Id"/> is the key: relation-only updates may
/// repeat the <see cref="Rev"/> of a neighbour.
/// </summary>
public sealed record AdoWorkItemUpdate
{
    public int Id { get; init; }

    public int WorkItemId { get; init; }

    public int Rev { get; init; }

    public AdoFieldValue? RevisedBy { get; init; }

    /// <summary>When this revision was superseded, not when it was made; kept as text for the zone-less sentinel.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(AdoPooledStringConverter))]
    public string? RevisedDate { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(AdoFieldsConverter<AdoFieldChange>))]
    public Dictionary<string, AdoFieldChange>? Fields { get; init; }

    public AdoRelationChanges? Relations { get; init; }
}
