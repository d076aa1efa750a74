namespace BacklogInsight.Sources.Jira;

/// <summary>
/// One team of a connection and the rule that puts an issue in it: exactly one of a board, a project, a JQL filter,
/// a component, a label, or a value of a field (such as the Atlassian Team field), e.g.
/// <c>{"name":"Refunds","component":"Refunds"}</c> or <c>{"name":"Checkout","field":"Team","value":"Checkout squad"}</c>.
/// An issue belongs to the first team whose rule it matches.
/// </summary>
public sealed record JiraTeamDefinition
{
    /// <summary>The team's name as the dashboard shows it; also its stable identity (<c>team:{name}</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Issues of this board (its sprints, else the first board of the project).</summary>
    public long? Board { get; init; }

    /// <summary>Issues of this project key.</summary>
    public string? Project { get; init; }

    /// <summary>Issues this JQL finds (read once per sync as ids, and per issue on a webhook refresh).</summary>
    public string? Jql { get; init; }

    /// <summary>Issues carrying this component (by name).</summary>
    public string? Component { get; init; }

    /// <summary>Issues carrying this label.</summary>
    public string? Label { get; init; }

    /// <summary>A field id or name (e.g. <c>Team</c>, <c>customfield_10001</c>) whose value is <see cref="Value"/>.</summary>
    public string? Field { get; init; }

    /// <summary>The value of <see cref="Field"/>: a text, an option's value, or a team's name or id.</summary>
    public string? Value { get; init; }

    /// <summary>The team's source id.</summary>
    public string SourceId => "team:" + Name;

    /// <summary>What is wrong with the definition, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            return "every team needs a \"name\"";
        }

        var rules = new object?[] { Board, Project, Jql, Component, Label, Field }.Count(r => r is not null);
        if (rules != 1)
        {
            return $"team '{Name}' needs exactly one of \"board\", \"project\", \"jql\", \"component\", \"label\" or \"field\" (with \"value\")";
        }

        return Field is not null && string.IsNullOrWhiteSpace(Value) ? $"team '{Name}' names a \"field\" but no \"value\"" : null;
    }
}
