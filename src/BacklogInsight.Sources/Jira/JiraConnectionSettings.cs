using System.Text.Json;
using System.Text.Json.Serialization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Per-connection settings of the Jira source, read from <see cref="Connection.SettingsJson"/>, e.g.
/// <c>{"deployment":"cloud","email":"bot@acme.example","projects":["PAY","OPS"]}</c>. The token itself is a
/// secret named <c>token</c>, never part of these settings.
/// </summary>
public sealed record JiraConnectionSettings
{
    /// <summary><c>cloud</c> (REST v3, <c>search/jql</c>) or <c>datacenter</c> (REST v2, <c>search</c>). Defaults to cloud.</summary>
    public string Deployment { get; init; } = "cloud";

    /// <summary>The account e-mail for Cloud Basic authentication (e-mail + API token).</summary>
    public string? Email { get; init; }

    /// <summary>
    /// <c>basic</c> (Cloud: e-mail + API token; Data Center: user + password) or <c>bearer</c> (Data Center
    /// personal access token). Defaults to basic on Cloud and bearer on Data Center.
    /// </summary>
    public string? Auth { get; init; }

    /// <summary>The user name for Data Center Basic authentication.</summary>
    public string? Username { get; init; }

    /// <summary>Project keys to follow; empty follows every project the account can browse.</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>Only issues of these types (names), when given.</summary>
    public IReadOnlyList<string> IssueTypes { get; init; } = [];

    /// <summary>Only issues carrying one of these labels, when given.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>How teams are derived when <see cref="Teams"/> is empty: <c>board</c>, one team per board. Defaults to board.</summary>
    public string TeamMapping { get; init; } = "board";

    /// <summary>
    /// Board ids to make teams of, when only some boards are teams; empty makes a team of every board that covers a
    /// followed project. Issues outside them get no team.
    /// </summary>
    public IReadOnlyList<long> Boards { get; init; } = [];

    /// <summary>
    /// Teams defined by rule (board, project, JQL filter, component, label or field value), first match wins;
    /// empty: a team per board.
    /// </summary>
    public IReadOnlyList<JiraTeamDefinition> Teams { get; init; } = [];

    /// <summary>
    /// The IANA time zone JQL dates are read in (the API user's profile zone). When absent, it is read from
    /// <c>/myself</c>; set it only when the profile hides it.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>True for Jira Cloud.</summary>
    [JsonIgnore]
    public bool IsCloud => !string.Equals(Deployment, "datacenter", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(Deployment, "server", StringComparison.OrdinalIgnoreCase);

    /// <summary>The REST platform path: <c>/rest/api/3</c> on Cloud, <c>/rest/api/2</c> on Data Center.</summary>
    [JsonIgnore]
    public string ApiPath => IsCloud ? "rest/api/3" : "rest/api/2";

    /// <summary>True when the token is sent as <c>Authorization: Bearer</c>.</summary>
    [JsonIgnore]
    public bool UsesBearer => Auth is null ? !IsCloud : string.Equals(Auth, "bearer", StringComparison.OrdinalIgnoreCase);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads the settings JSON of a connection; an empty value gives the defaults.</summary>
    /// <exception cref="FormatException">The settings are not a JSON object of the expected shape.</exception>
    public static JiraConnectionSettings Parse(string? settingsJson)
    {
        JiraConnectionSettings settings;
        try
        {
            settings = string.IsNullOrWhiteSpace(settingsJson)
                ? new JiraConnectionSettings()
                : JsonSerializer.Deserialize<JiraConnectionSettings>(settingsJson, JsonOptions) ?? new JiraConnectionSettings();
        }
        catch (JsonException ex)
        {
            throw new FormatException(
                $"The Jira connection settings are not valid: {ex.Message} Expected a JSON object such as "
                + "{\"deployment\":\"cloud\",\"email\":\"bot@acme.example\",\"projects\":[\"PAY\"]}.",
                ex);
        }

        if (settings.Deployment is not ("cloud" or "datacenter" or "server"))
        {
            throw new FormatException($"The Jira deployment '{settings.Deployment}' is unknown; use \"cloud\" or \"datacenter\".");
        }

        if (settings.Auth is not (null or "basic" or "bearer"))
        {
            throw new FormatException($"The Jira auth '{settings.Auth}' is unknown; use \"basic\" or \"bearer\".");
        }

        if (settings.TeamMapping != "board")
        {
            throw new FormatException($"The Jira team mapping '{settings.TeamMapping}' is not supported; use \"board\", or define \"teams\".");
        }

        if (settings.Teams.Select(t => t.Problem()).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new FormatException($"The Jira team definitions are not valid: {problem}.");
        }

        if (settings.Teams.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new FormatException($"The Jira team definitions are not valid: the name '{twice.Key}' is used twice.");
        }

        return settings;
    }
}
