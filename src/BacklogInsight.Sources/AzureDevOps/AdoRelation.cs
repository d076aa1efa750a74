namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A link of a work item; the related item's id is the last segment of <see cref="Url"/>.</summary>
public sealed record AdoRelation
{
    public string? Rel { get; init; }

    public string? Url { get; init; }

    /// <summary>The id of the linked work item, when the link points at one.</summary>
    public string? TargetId =>
        Url is { } url && url.Contains("/workItems/", StringComparison.OrdinalIgnoreCase)
            ? url[(url.LastIndexOf('/') + 1)..]
            : null;
}
