namespace BacklogInsight.Sources.Jira;

/// <summary>A Jira user as embedded in issues, histories and comments (Cloud: accountId; Data Center: key/name).</summary>
public sealed record JiraUser
{
    public string? AccountId { get; init; }

    public string? Key { get; init; }

    public string? Name { get; init; }

    public string? DisplayName { get; init; }

    public bool Active { get; init; } = true;

    /// <summary><c>atlassian</c>, <c>app</c>, <c>customer</c> or <c>unknown</c> (Cloud only).</summary>
    public string? AccountType { get; init; }

    public string? TimeZone { get; init; }

    public string? EmailAddress { get; init; }

    /// <summary>The stable identity: accountId on Cloud, the user key on Data Center.</summary>
    public string? Id => AccountId ?? Key ?? Name;
}
