using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Model;

/// <summary>One change by one person at one time on one work item.</summary>
public sealed class Activity
{
    public long Id { get; init; }

    public Guid ConnectionId { get; init; }

    /// <summary>
    /// Stable across re-reads: Jira history id + item index or comment id; Azure DevOps work item id + update id.
    /// Unique within a connection, so a re-read never duplicates.
    /// </summary>
    public required string SourceKey { get; init; }

    public required string WorkItemSourceId { get; init; }

    /// <summary>The account that acted; null when the source does not say (anonymous or deleted users).</summary>
    public string? ActorSourceId { get; init; }

    /// <summary>When it happened, in UTC.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public required ActivityKind Kind { get; init; }

    public CanonicalField Field { get; init; }

    /// <summary>The field as the source names it (<c>Rank</c>, <c>Microsoft.VSTS.Common.StackRank</c>).</summary>
    public string? SourceField { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>A comment, or the comment entered with a change; trimmed to <see cref="MaxTextLength"/>.</summary>
    public string? Text { get; init; }

    /// <summary>The team whose backlog held the item when the activity was stored; what role balance counts it for.</summary>
    public string? TeamSourceId { get; set; }

    /// <summary>The ISO week of <see cref="OccurredAt"/> in the organisation's time zone.</summary>
    public IsoWeek? Week { get; set; }

    /// <summary>Empty until the classifier has run.</summary>
    public Classification? Classification { get; set; }

    public const int MaxTextLength = 2000;

    /// <summary>Cuts <paramref name="text"/> to an excerpt that fits <see cref="Text"/>.</summary>
    public static string? Excerpt(string? text) =>
        text is null || text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");
}
