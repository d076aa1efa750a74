namespace BacklogInsight.Domain.Classification;

/// <summary>Either a parsed <see cref="ActivityRecord"/> or a message saying what is wrong with the line.</summary>
public sealed record ActivityRecordParseResult
{
    public ActivityRecord? Record { get; init; }

    public string? Error { get; init; }

    public bool IsSuccess => Record is not null;

    public static ActivityRecordParseResult Success(ActivityRecord record) => new() { Record = record };

    public static ActivityRecordParseResult Failure(string error) => new() { Error = error };
}
