namespace BacklogInsight.Sources.Jira;

/// <summary>The answer of <c>/serverInfo</c>; <see cref="DeploymentType"/> is <c>Cloud</c> on Cloud.</summary>
public sealed record JiraServerInfo
{
    public string? BaseUrl { get; init; }

    public string? Version { get; init; }

    public string? DeploymentType { get; init; }

    public string? ServerTitle { get; init; }

    public string? ServerTimeZone { get; init; }
}
