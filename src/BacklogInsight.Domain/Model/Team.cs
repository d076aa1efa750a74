namespace BacklogInsight.Domain.Model;

/// <summary>A delivery team: a Jira board or an Azure DevOps team.</summary>
public sealed class Team
{
    public long Id { get; init; }

    public Guid ConnectionId { get; init; }

    /// <summary>The source's own id of the board or team.</summary>
    public required string SourceId { get; init; }

    public required string Name { get; set; }

    /// <summary>The source id of the person designated as the team's owner, when known.</summary>
    public string? OwnerSourceId { get; set; }
}
