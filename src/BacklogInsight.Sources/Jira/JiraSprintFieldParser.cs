using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// Reads the issue's Sprint field in both forms: Cloud's array of sprint objects and the legacy Data Center
/// strings <c>com.atlassian.greenhopper.service.sprint.Sprint@4263b21c[id=444,rapidViewId=158,state=ACTIVE,name=…]</c>.
/// </summary>
public static partial class JiraSprintFieldParser
{
    /// <summary>Every sprint in the field (closed ones and the current one); empty for null or absent.</summary>
    public static IReadOnlyList<JiraSprint> Parse(JsonElement field, JsonSerializerOptions options)
    {
        if (field.ValueKind != JsonValueKind.Array)
        {
            return field.ValueKind == JsonValueKind.String && ParseLegacy(field.GetString()) is { } single ? [single] : [];
        }

        var sprints = new List<JiraSprint>();
        foreach (var element in field.EnumerateArray())
        {
            var sprint = element.ValueKind switch
            {
                JsonValueKind.Object => element.Deserialize<JiraSprint>(options),
                JsonValueKind.String => ParseLegacy(element.GetString()),
                _ => null,
            };
            if (sprint is not null)
            {
                sprints.Add(sprint);
            }
        }

        return sprints;
    }

    /// <summary>The current sprint: the active one, else a future one; null when the issue is in none.</summary>
    public static JiraSprint? Current(IReadOnlyList<JiraSprint> sprints) =>
        sprints.FirstOrDefault(s => string.Equals(s.State, "active", StringComparison.OrdinalIgnoreCase))
        ?? sprints.FirstOrDefault(s => string.Equals(s.State, "future", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses one legacy sprint string; splits only on the known keys, so names may contain commas.</summary>
    public static JiraSprint? ParseLegacy(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var open = text.IndexOf('[', StringComparison.Ordinal);
        var close = text.LastIndexOf(']');
        if (open < 0 || close <= open)
        {
            return null;
        }

        var body = text[open..close];
        var matches = KnownKeys().Matches(body);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : body.Length;
            var value = body[start..end];
            values[matches[i].Groups[1].Value] = value == "<null>" ? null : value;
        }

        if (!long.TryParse(values.GetValueOrDefault("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return new JiraSprint
        {
            Id = id,
            Name = values.GetValueOrDefault("name"),
            State = values.GetValueOrDefault("state")?.ToLowerInvariant(),
            Goal = values.GetValueOrDefault("goal"),
            BoardId = long.TryParse(values.GetValueOrDefault("rapidViewId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var board)
                ? board
                : null,
            StartDate = JiraDateTimeConverter.Parse(values.GetValueOrDefault("startDate")),
            EndDate = JiraDateTimeConverter.Parse(values.GetValueOrDefault("endDate")),
            CompleteDate = JiraDateTimeConverter.Parse(values.GetValueOrDefault("completeDate")),
        };
    }

    [GeneratedRegex(@"(?:\[|,)(id|rapidViewId|state|name|goal|startDate|endDate|completeDate|activatedDate|sequence|autoStartStop|synced|incompleteIssuesDestinationId)=")]
    private static partial Regex KnownKeys();
}
