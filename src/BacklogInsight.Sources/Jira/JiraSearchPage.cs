namespace BacklogInsight.Sources.Jira;

/// <summary>
/// A search page: the Cloud token shape (<c>nextPageToken</c>, <c>isLast</c>, no total) or the Data Center
/// offset shape (<c>startAt</c>, <c>maxResults</c>, <c>total</c>).
/// </summary>
public sealed record JiraSearchPage
{
    public IReadOnlyList<JiraIssue> Issues { get; init => field = value ?? []; } = [];

    public string? NextPageToken { get; init; }

    public bool? IsLast { get; init; }

    public int StartAt { get; init; }

    public int MaxResults { get; init; }

    public int? Total { get; init; }
}
