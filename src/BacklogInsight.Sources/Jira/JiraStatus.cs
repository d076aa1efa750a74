namespace BacklogInsight.Sources.Jira;

/// <summary>A workflow status with its category.</summary>
public sealed record JiraStatus
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public JiraStatusCategory? StatusCategory { get; init; }
}
