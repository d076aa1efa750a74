namespace BacklogInsight.Sources.Jira;

/// <summary>The PageBean shape (<c>startAt</c>, <c>maxResults</c>, <c>total</c>, <c>isLast</c>, <c>values</c>).</summary>
public sealed record JiraPageBean<T>
{
    public int StartAt { get; init; }

    public int MaxResults { get; init; }

    public int? Total { get; init; }

    public bool? IsLast { get; init; }

    public IReadOnlyList<T> Values { get; init => field = value ?? []; } = [];
}
