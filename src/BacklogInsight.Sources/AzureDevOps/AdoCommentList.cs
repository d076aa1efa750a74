namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A page of work item comments, followed by <see cref="ContinuationToken"/>.</summary>
public sealed record AdoCommentList
{
    public int? TotalCount { get; init; }

    public List<AdoComment> Comments { get; init => field = value ?? []; } = [];

    public string? ContinuationToken { get; init; }
}
