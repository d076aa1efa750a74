namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>The team field (usually <c>System.AreaPath</c>) values that define which work items a team owns.</summary>
public sealed record AdoTeamFieldValues
{
    public AdoFieldRef? Field { get; init; }

    public string? DefaultValue { get; init; }

    public List<AdoTeamFieldValue> Values { get; init; } = [];
}
