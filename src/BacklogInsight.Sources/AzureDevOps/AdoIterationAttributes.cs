namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The dates of an iteration: date-only values at midnight UTC, null when unscheduled.</summary>
public sealed record AdoIterationAttributes
{
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The last day of the iteration (inclusive).</summary>
    public DateTimeOffset? FinishDate { get; init; }

    /// <summary><c>past</c>, <c>current</c> or <c>future</c> (or 0, 1, 2), as the server sees the iteration now.</summary>
    public System.Text.Json.JsonElement? TimeFrame { get; init; }

    /// <summary>The time frame as a lower-case word, whichever way it was sent; null when absent.</summary>
    public string? TimeFrameName => TimeFrame switch
    {
        { ValueKind: System.Text.Json.JsonValueKind.String } text => text.GetString()?.ToLowerInvariant(),
        { ValueKind: System.Text.Json.JsonValueKind.Number } number when number.TryGetInt32(out var n) => n switch
        {
            0 => "past",
            1 => "current",
            2 => "future",
            _ => null,
        },
        _ => null,
    };
}
