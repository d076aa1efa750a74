using System.Text.Json;

namespace BacklogInsight.Sources.Jira;

/// <summary>A comment; <see cref="Body"/> is an ADF document (Cloud v3) or a wiki-markup string (v2, Data Center).</summary>
public sealed record JiraComment
{
    public required string Id { get; init; }

    public JiraUser? Author { get; init; }

    public JsonElement Body { get; init; }

    public DateTimeOffset Created { get; init; }

    public DateTimeOffset? Updated { get; init; }
}
