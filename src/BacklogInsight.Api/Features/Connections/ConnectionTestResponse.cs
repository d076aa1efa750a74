namespace BacklogInsight.Api.Features.Connections;

/// <summary>
/// The answer of a connection test: whether a complete sync can run, who the token is, what it sees, what is missing,
/// and every finding as a sentence (<see cref="Messages"/>, most important first).
/// </summary>
public sealed record ConnectionTestResponse
{
    public required string Kind { get; init; }

    /// <summary>True when the credentials work and the scope can be synced completely.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>Who the token belongs to.</summary>
    public string? Account { get; init; }

    /// <summary>The site or organisation: title, deployment and version when known.</summary>
    public string? Site { get; init; }

    /// <summary>The time zone dates in queries are read in (Jira: the account's profile zone).</summary>
    public string? TimeZone { get; init; }

    /// <summary>The projects the token sees (of those followed).</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>Boards (Jira) or teams (Azure DevOps) the token sees.</summary>
    public IReadOnlyList<string> Boards { get; init; } = [];

    /// <summary>The ids of <see cref="Boards"/> in the same order, when the tracker has them (Jira board ids).</summary>
    public IReadOnlyList<long> BoardIds { get; init; } = [];

    /// <summary>Permissions a complete sync needs that the account lacks.</summary>
    public IReadOnlyList<string> MissingPermissions { get; init; } = [];

    public IReadOnlyList<string> Messages { get; init; } = [];
}
