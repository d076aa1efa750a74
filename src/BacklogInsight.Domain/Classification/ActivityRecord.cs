using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>One line of a labelled activity set: the activity and, when labelled, the expected class and why.</summary>
public sealed record ActivityRecord
{
    public required string Id { get; init; }

    public string? ItemKey { get; init; }

    public required ActivityContext Context { get; init; }

    public ActivityClass? Label { get; init; }

    public string? Why { get; init; }
}
