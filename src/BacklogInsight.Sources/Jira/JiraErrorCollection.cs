namespace BacklogInsight.Sources.Jira;

/// <summary>Jira's error body: <c>{"errorMessages":[…],"errors":{field:message}}</c>.</summary>
public sealed record JiraErrorCollection
{
    public IReadOnlyList<string>? ErrorMessages { get; init; }

    public IReadOnlyDictionary<string, string>? Errors { get; init; }

    public string? Message { get; init; }
}
