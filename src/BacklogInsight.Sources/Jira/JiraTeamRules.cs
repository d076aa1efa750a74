using System.Text.Json;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// The team definitions of a connection, ready to place issues: field names resolved to this site's ids, and the
/// issues of each JQL-defined team listed once (ids only). An issue belongs to the first team whose rule it matches.
/// </summary>
public sealed class JiraTeamRules
{
    private readonly IReadOnlyList<JiraTeamDefinition> _teams;
    private readonly Dictionary<string, string> _fieldIds;
    private readonly Dictionary<string, HashSet<string>> _jqlMembers;

    private JiraTeamRules(
        IReadOnlyList<JiraTeamDefinition> teams, Dictionary<string, string> fieldIds, Dictionary<string, HashSet<string>> jqlMembers)
    {
        _teams = teams;
        _fieldIds = fieldIds;
        _jqlMembers = jqlMembers;
    }

    /// <summary>True when the connection defines teams by rule (otherwise a team per board).</summary>
    public bool Defined => _teams.Count > 0;

    /// <summary>The issue fields the rules read, beyond those a sync always asks for.</summary>
    public IEnumerable<string> SearchFields =>
        _teams.Any(t => t.Component is not null) ? [.. _fieldIds.Values.Distinct(), "components"] : _fieldIds.Values.Distinct();

    /// <summary>
    /// Resolves the rules against the site: <paramref name="fields"/> for field names, and the members of each JQL team,
    /// read with <paramref name="listIds"/> (for a single issue, pass a JQL narrowed to it).
    /// </summary>
    public static async Task<JiraTeamRules> CreateAsync(
        JiraConnectionSettings settings,
        IReadOnlyList<JiraField> fields,
        Func<string, CancellationToken, Task<IReadOnlyCollection<string>>> listIds,
        CancellationToken cancellationToken)
    {
        var fieldIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in settings.Teams.Select(t => t.Field).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var match = fields.FirstOrDefault(f => string.Equals(f.Id, field, StringComparison.OrdinalIgnoreCase))
                ?? fields.FirstOrDefault(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(f.UntranslatedName, field, StringComparison.OrdinalIgnoreCase))
                ?? throw new JiraSourceException(
                    $"The team mapping names the field '{field}', which this Jira site does not have (or the account cannot see).");
            fieldIds[field] = match.Id;
        }

        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var team in settings.Teams.Where(t => t.Jql is not null))
        {
            members[team.SourceId] = [.. await listIds(team.Jql!, cancellationToken)];
        }

        return new JiraTeamRules(settings.Teams, fieldIds, members);
    }

    /// <summary>The team of an issue: the first rule it matches; <paramref name="boardOf"/> gives its board for board rules.</summary>
    public async Task<string?> TeamOfAsync(JiraIssue issue, Func<Task<string?>> boardOf)
    {
        string? board = null;
        var boardRead = false;
        foreach (var team in _teams)
        {
            var fields = issue.Fields;
            var matches = team switch
            {
                { Project: { } project } => string.Equals(fields.Project?.Key, project, StringComparison.OrdinalIgnoreCase),
                { Label: { } label } => fields.Labels?.Contains(label, StringComparer.OrdinalIgnoreCase) == true,
                { Component: { } component } => fields.Components?.Any(c => string.Equals(c.Name, component, StringComparison.OrdinalIgnoreCase)) == true,
                { Jql: not null } => _jqlMembers.TryGetValue(team.SourceId, out var ids) && ids.Contains(issue.Id),
                { Field: { } field } => fields.Custom?.TryGetValue(_fieldIds[field], out var value) == true && HasValue(value, team.Value!),
                _ => false,
            };
            if (!matches && team.Board is { } wanted)
            {
                if (!boardRead)
                {
                    board = await boardOf();
                    boardRead = true;
                }

                matches = board == wanted.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (matches)
            {
                return team.SourceId;
            }
        }

        return null;
    }

    /// <summary>A text, an option (<c>value</c>), a team or user (<c>name</c>, <c>title</c>, <c>displayName</c>, <c>id</c>), or an array of them.</summary>
    private static bool HasValue(JsonElement element, string wanted) => element.ValueKind switch
    {
        JsonValueKind.String => string.Equals(element.GetString(), wanted, StringComparison.OrdinalIgnoreCase),
        JsonValueKind.Number => element.GetRawText() == wanted,
        JsonValueKind.Array => element.EnumerateArray().Any(e => HasValue(e, wanted)),
        JsonValueKind.Object => new[] { "value", "name", "title", "displayName", "id" }
            .Any(p => element.TryGetProperty(p, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number && HasValue(v, wanted)),
        _ => false,
    };
}
