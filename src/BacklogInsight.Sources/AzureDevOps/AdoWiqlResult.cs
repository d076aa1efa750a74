namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A flat WIQL result: ids only, and the server instant the query ran at.</summary>
public sealed record AdoWiqlResult
{
    public DateTimeOffset? AsOf { get; init; }

    public List<AdoWorkItemRef> WorkItems { get; init => field = value ?? []; } = [];
}
