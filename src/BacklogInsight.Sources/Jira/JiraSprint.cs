namespace BacklogInsight.Sources.Jira;

/// <summary>
/// A sprint from the Agile API or the Sprint field; <see cref="State"/> is <c>future</c>, <c>active</c>
/// or <c>closed</c>. The Sprint field names the owning board <c>boardId</c>, the Agile API <c>originBoardId</c>.
/// </summary>
public sealed record JiraSprint
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public string? State { get; init; }

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    public DateTimeOffset? CompleteDate { get; init; }

    public long? OriginBoardId { get; init; }

    public long? BoardId { get; init; }

    public string? Goal { get; init; }

    /// <summary>The board the sprint belongs to, whichever of the two names carried it.</summary>
    public long? OwnerBoardId => OriginBoardId ?? BoardId;
}
