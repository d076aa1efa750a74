namespace BacklogInsight.Domain.Model;

/// <summary>A tracker account: a human or an automation.</summary>
public sealed class Person
{
    public long Id { get; init; }

    public Guid ConnectionId { get; init; }

    /// <summary>The source's own account id (Jira accountId, Azure DevOps descriptor or unique name).</summary>
    public required string SourceId { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>False once the account is deactivated in the source.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>True for bots, apps, integrations and service accounts.</summary>
    public bool IsBot { get; set; }
}
