namespace BacklogInsight.Sources.Jira;

/// <summary>An Agile board; <see cref="Type"/> is <c>scrum</c>, <c>kanban</c> or <c>simple</c>.</summary>
public sealed record JiraBoard
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public JiraBoardLocation? Location { get; init; }
}
