namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A work item comment; the 7.1 schema names its id <c>id</c>, Microsoft's examples <c>commentId</c>.</summary>
public sealed record AdoComment
{
    public long? Id { get; init; }

    public long? CommentId { get; init; }

    public string? Text { get; init; }

    public AdoFieldValue? CreatedBy { get; init; }

    public DateTimeOffset CreatedDate { get; init; }

    public bool IsDeleted { get; init; }

    /// <summary>The comment's id, whichever property carried it.</summary>
    public long? Key => Id ?? CommentId;
}
