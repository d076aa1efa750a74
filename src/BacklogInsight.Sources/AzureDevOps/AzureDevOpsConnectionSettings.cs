using System.Text.Json;
using System.Text.Json.Serialization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Per-connection settings of the Azure DevOps source, read from <see cref="Connection.SettingsJson"/>, e.g.
/// <c>{"deployment":"services","projects":["Phoenix"],"teams":["Checkout Squad"]}</c>. The base URL is the
/// organisation (<c>https://dev.azure.com/contoso</c>) or collection (<c>https://tfs.contoso.com/tfs/DefaultCollection</c>);
/// the personal access token is a secret named <c>token</c>, never part of these settings.
/// </summary>
public sealed record AzureDevOpsConnectionSettings
{
    /// <summary><c>services</c> (Azure DevOps Services) or <c>server</c> (Azure DevOps Server / TFS). Defaults to services.</summary>
    public string Deployment { get; init; } = "services";

    /// <summary>Project names to follow; empty follows every project of the organisation with one organisation-wide query.</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>A single project; shorthand for <see cref="Projects"/> with one entry.</summary>
    public string? Project { get; init; }

    /// <summary>Team names or ids to follow; empty follows every team of the followed projects.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>
    /// A team mapping that replaces the organisation's teams: each rule names a team and the project, area paths, types
    /// and tags of its work items (no WIQL). Empty: one team per Azure DevOps team, owning its area paths.
    /// </summary>
    public IReadOnlyList<AzureDevOpsTeamRule> TeamMap { get; init; } = [];

    /// <summary>The REST api-version; defaults to 7.1 on Services and 6.0 (Server 2020) on Server.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>
    /// The api-version of the comments API (a preview resource); defaults to 7.1-preview.4 on 7.1, 7.0-preview.3 on 7.0
    /// and 6.0-preview.3 on 6.0. Older servers have no such API: comments are then read from <c>System.History</c>.
    /// </summary>
    public string? CommentsApiVersion { get; init; }

    /// <summary>True for Azure DevOps Services.</summary>
    [JsonIgnore]
    public bool IsServices => !string.Equals(Deployment, "server", StringComparison.OrdinalIgnoreCase);

    /// <summary>The api-version sent with every request but comments.</summary>
    [JsonIgnore]
    public string Version => ApiVersion ?? (IsServices ? "7.1" : "6.0");

    /// <summary>The api-version of the comments API, or null when the server has none of the current shape.</summary>
    [JsonIgnore]
    public string? CommentsVersion => CommentsApiVersion ?? Version switch
    {
        var v when v.StartsWith("7.1", StringComparison.Ordinal) => "7.1-preview.4",
        var v when v.StartsWith("7.0", StringComparison.Ordinal) => "7.0-preview.3",
        var v when v.StartsWith("6.", StringComparison.Ordinal) => "6.0-preview.3",
        _ => null,
    };

    /// <summary>The followed project names (from <see cref="Projects"/> and <see cref="Project"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FollowedProjects =>
        [.. Projects.Append(Project ?? string.Empty).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>True when <paramref name="team"/> is followed (by name or id).</summary>
    public bool FollowsTeam(AdoTeam team) =>
        Teams.Count == 0 || Teams.Any(t => string.Equals(t, team.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(t, team.Id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the settings JSON of a connection; an empty value gives the defaults.</summary>
    /// <exception cref="FormatException">The settings are not a JSON object of the expected shape.</exception>
    public static AzureDevOpsConnectionSettings Parse(string? settingsJson)
    {
        AzureDevOpsConnectionSettings settings;
        try
        {
            settings = string.IsNullOrWhiteSpace(settingsJson)
                ? new AzureDevOpsConnectionSettings()
                : JsonSerializer.Deserialize<AzureDevOpsConnectionSettings>(settingsJson, JsonOptions) ?? new AzureDevOpsConnectionSettings();
        }
        catch (JsonException ex)
        {
            throw new FormatException(
                $"The Azure DevOps connection settings are not valid: {ex.Message} Expected a JSON object such as "
                + "{\"deployment\":\"services\",\"projects\":[\"Phoenix\"]}.",
                ex);
        }

        if (settings.Deployment is not ("services" or "server"))
        {
            throw new FormatException($"The Azure DevOps deployment '{settings.Deployment}' is unknown; use \"services\" or \"server\".");
        }

        if (settings.ApiVersion is { } version && !char.IsAsciiDigit(version.FirstOrDefault()))
        {
            throw new FormatException($"The Azure DevOps api-version '{version}' is not a version such as \"7.1\" or \"6.0\".");
        }

        if (settings.TeamMap.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Team)) is not null)
        {
            throw new FormatException("Every entry of the Azure DevOps \"teamMap\" needs a \"team\" name.");
        }

        if (settings.TeamMap.GroupBy(r => r.Team, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"The Azure DevOps \"teamMap\" names the team '{twice.Key}' twice; give each team one entry with all its areas.");
        }

        return settings;
    }
}
