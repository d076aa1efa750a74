namespace BacklogInsight.Sources.Jira;

/// <summary>What a connection test found, in plain words for the person setting the connection up.</summary>
public sealed record JiraConnectionTestResult
{
    /// <summary>True when the token works and the site can be synced.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Who the token belongs to, e.g. <c>Dana Whitfield (5f3c…)</c>.</summary>
    public string? Account { get; init; }

    /// <summary>The site's title, deployment and version, e.g. <c>Acme Jira (Cloud 1001.0.0)</c>.</summary>
    public string? Site { get; init; }

    /// <summary>The IANA time zone JQL dates are read in.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The keys of the projects the token can see (of those followed).</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>The names of the boards the token can see.</summary>
    public IReadOnlyList<string> Boards { get; init; } = [];

    /// <summary>The ids of <see cref="Boards"/>, in the same order (for picking which boards are teams).</summary>
    public IReadOnlyList<long> BoardIds { get; init; } = [];

    /// <summary>Permission keys the sync needs that the account lacks.</summary>
    public IReadOnlyList<string> MissingPermissions { get; init; } = [];

    /// <summary>Sentences to show, most important first.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];
}
