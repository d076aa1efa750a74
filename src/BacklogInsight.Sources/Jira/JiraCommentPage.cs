namespace BacklogInsight.Sources.Jira;

/// <summary>A legacy offset page of comments (no <c>isLast</c>): complete when <c>startAt + comments.Count &gt;= total</c>.</summary>
public sealed record JiraCommentPage
{
    public int StartAt { get; init; }

    public int MaxResults { get; init; }

    public int Total { get; init; }

    public IReadOnlyList<JiraComment> Comments { get; init => field = value ?? []; } = [];
}
