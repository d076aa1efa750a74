using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// The small, internal mapping of Jira changelog field names and system field ids to canonical fields, used
/// when the site's field catalogue says nothing (system fields, items without <c>fieldId</c>, Data Center).
/// Custom fields are resolved per site by <see cref="JiraFieldMap"/>; this table is only the fallback.
/// </summary>
internal static class JiraFieldNames
{
    public const string Status = "status";
    public const string ParentAssociation = "IssueParentAssociation";
    public const string Link = "Link";
    public const string RemoteLink = "RemoteIssueLink";
    public const string TimeSpent = "timespent";

    private static readonly Dictionary<string, CanonicalField> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = CanonicalField.Status,
        ["summary"] = CanonicalField.Title,
        ["description"] = CanonicalField.Description,
        ["priority"] = CanonicalField.Priority,
        ["assignee"] = CanonicalField.Assignee,
        ["labels"] = CanonicalField.Labels,
        ["Fix Version"] = CanonicalField.FixVersion,
        ["fixVersions"] = CanonicalField.FixVersion,
        ["IssueParentAssociation"] = CanonicalField.Parent,
        ["parent"] = CanonicalField.Parent,
        ["Epic Link"] = CanonicalField.Parent,
        ["Parent Link"] = CanonicalField.Parent,
        ["Parent"] = CanonicalField.Parent,
        ["Rank"] = CanonicalField.Rank,
        ["Sprint"] = CanonicalField.Sprint,
        ["Story Points"] = CanonicalField.Estimate,
        ["Story point estimate"] = CanonicalField.Estimate,
        ["Acceptance Criteria"] = CanonicalField.AcceptanceCriteria,
        ["Start date"] = CanonicalField.StartDate,
        ["Target start"] = CanonicalField.StartDate,
        ["Target end"] = CanonicalField.TargetDate,
        ["duedate"] = CanonicalField.TargetDate,
        ["Link"] = CanonicalField.Link,
        ["RemoteIssueLink"] = CanonicalField.Link,
        ["timespent"] = CanonicalField.TimeSpent,
        ["timeestimate"] = CanonicalField.RemainingWork,
    };

    /// <summary>The canonical field of a system field id or a changelog field name; <see cref="CanonicalField.Other"/> when unknown.</summary>
    public static CanonicalField Resolve(string? name) =>
        name is not null && ByName.TryGetValue(name, out var field) ? field : CanonicalField.Other;
}
