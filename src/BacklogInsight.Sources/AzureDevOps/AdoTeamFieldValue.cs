namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>One area (team field value) of a team, with or without the areas below it.</summary>
public sealed record AdoTeamFieldValue
{
    public required string Value { get; init; }

    public bool IncludeChildren { get; init; }
}
