using System.Text.Json;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>A member of a team, with whether they administer it.</summary>
public sealed record AdoTeamMember
{
    public bool IsTeamAdmin { get; init; }

    public JsonElement Identity { get; init; }
}
