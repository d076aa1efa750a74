namespace BacklogInsight.Sources.Jira;

/// <summary>A project component on an issue.</summary>
public sealed record JiraComponent
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
