namespace BacklogInsight.Sources.Jira;

/// <summary>One field of the site (<c>GET /field</c>).</summary>
public sealed record JiraField
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? UntranslatedName { get; init; }

    public bool Custom { get; init; }

    public JiraFieldSchema? Schema { get; init; }
}
