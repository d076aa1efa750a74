namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A project's backlog levels and the state category of each type's states (<c>work/backlogconfiguration</c>).</summary>
public sealed record AdoBacklogConfiguration
{
    public List<AdoBacklogLevel> PortfolioBacklogs { get; init; } = [];

    public AdoBacklogLevel? RequirementBacklog { get; init; }

    public AdoBacklogLevel? TaskBacklog { get; init; }

    public List<AdoTypeStates> WorkItemTypeMappedStates { get; init; } = [];
}
