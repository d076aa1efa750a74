namespace BacklogInsight.Sources.Jira;

/// <summary>One change history: who changed which fields, when.</summary>
public sealed record JiraHistory
{
    public required string Id { get; init; }

    public JiraUser? Author { get; init; }

    public DateTimeOffset Created { get; init; }

    public IReadOnlyList<JiraChangeItem> Items { get; init => field = value ?? []; } = [];
}
