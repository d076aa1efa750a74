namespace BacklogInsight.Sources.Jira;

/// <summary>The changelog embedded with <c>expand=changelog</c>; cut short when <see cref="Total"/> exceeds the histories given.</summary>
public sealed record JiraChangelog
{
    public int StartAt { get; init; }

    public int MaxResults { get; init; }

    public int Total { get; init; }

    public IReadOnlyList<JiraHistory> Histories { get; init => field = value ?? []; } = [];
}
