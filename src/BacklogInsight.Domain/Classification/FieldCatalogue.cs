using System.Collections.Frozen;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Maps the field names of Jira changelogs and Azure DevOps revisions, and Jira custom-field schema types,
/// to <see cref="CanonicalField"/>. Matching ignores case; anything unknown is <see cref="CanonicalField.Other"/>.
/// Jira custom fields are recognised by name or schema type, never by a site-specific <c>customfield_NNNNN</c> id.
/// </summary>
public static class FieldCatalogue
{
    private static readonly FrozenDictionary<string, CanonicalField> ByName = new Dictionary<string, CanonicalField>(StringComparer.OrdinalIgnoreCase)
    {
        // Jira changelog names (system fields and the usual custom-field names).
        ["Rank"] = CanonicalField.Rank,
        ["Sprint"] = CanonicalField.Sprint,
        ["priority"] = CanonicalField.Priority,
        ["Story Points"] = CanonicalField.Estimate,
        ["Story point estimate"] = CanonicalField.Estimate,
        ["Original Estimate"] = CanonicalField.Estimate,
        ["timeoriginalestimate"] = CanonicalField.Estimate,
        ["Fix Version"] = CanonicalField.FixVersion,
        ["Fix Version/s"] = CanonicalField.FixVersion,
        ["fixVersions"] = CanonicalField.FixVersion,
        ["Target start"] = CanonicalField.StartDate,
        ["Start date"] = CanonicalField.StartDate,
        ["Target end"] = CanonicalField.TargetDate,
        ["Due date"] = CanonicalField.TargetDate,
        ["duedate"] = CanonicalField.TargetDate,
        ["description"] = CanonicalField.Description,
        ["Acceptance Criteria"] = CanonicalField.AcceptanceCriteria,
        ["Epic Link"] = CanonicalField.Parent,
        ["Parent Link"] = CanonicalField.Parent,
        ["Parent"] = CanonicalField.Parent,
        ["IssueParentAssociation"] = CanonicalField.Parent,
        ["labels"] = CanonicalField.Labels,
        ["status"] = CanonicalField.Status,
        ["resolution"] = CanonicalField.Status,
        ["timespent"] = CanonicalField.TimeSpent,
        ["WorklogId"] = CanonicalField.TimeSpent,
        ["timeestimate"] = CanonicalField.RemainingWork,
        ["Remaining Estimate"] = CanonicalField.RemainingWork,
        ["Link"] = CanonicalField.Link,
        ["RemoteIssueLink"] = CanonicalField.Link,
        ["assignee"] = CanonicalField.Assignee,
        ["summary"] = CanonicalField.Title,

        // Jira Product Discovery value fields and Azure DevOps value fields share one canonical field.
        ["Impact"] = CanonicalField.ValueArea,
        ["Effort"] = CanonicalField.ValueArea,
        ["Goals"] = CanonicalField.ValueArea,
        ["Roadmap"] = CanonicalField.ValueArea,
        ["Business Value"] = CanonicalField.ValueArea,

        // Azure DevOps reference names.
        ["Microsoft.VSTS.Common.BacklogPriority"] = CanonicalField.Rank,
        ["Microsoft.VSTS.Common.StackRank"] = CanonicalField.Rank,
        ["Microsoft.VSTS.Common.Priority"] = CanonicalField.Priority,
        ["Microsoft.VSTS.Common.AcceptanceCriteria"] = CanonicalField.AcceptanceCriteria,
        ["Microsoft.VSTS.Common.ValueArea"] = CanonicalField.ValueArea,
        ["Microsoft.VSTS.Common.BusinessValue"] = CanonicalField.ValueArea,
        ["Microsoft.VSTS.Common.TimeCriticality"] = CanonicalField.ValueArea,
        ["Microsoft.VSTS.Scheduling.StoryPoints"] = CanonicalField.Estimate,
        ["Microsoft.VSTS.Scheduling.Effort"] = CanonicalField.Estimate,
        ["Microsoft.VSTS.Scheduling.Size"] = CanonicalField.Estimate,
        ["Microsoft.VSTS.Scheduling.OriginalEstimate"] = CanonicalField.Estimate,
        ["Microsoft.VSTS.Scheduling.RemainingWork"] = CanonicalField.RemainingWork,
        ["Microsoft.VSTS.Scheduling.CompletedWork"] = CanonicalField.CompletedWork,
        ["Microsoft.VSTS.Scheduling.StartDate"] = CanonicalField.StartDate,
        ["Microsoft.VSTS.Scheduling.TargetDate"] = CanonicalField.TargetDate,
        ["Microsoft.VSTS.Scheduling.FinishDate"] = CanonicalField.TargetDate,
        ["Microsoft.VSTS.Scheduling.DueDate"] = CanonicalField.TargetDate,
        ["System.IterationPath"] = CanonicalField.Sprint,
        ["System.IterationId"] = CanonicalField.Sprint,
        ["System.State"] = CanonicalField.Status,
        ["System.Reason"] = CanonicalField.Status,
        ["System.Description"] = CanonicalField.Description,
        ["Microsoft.VSTS.TCM.ReproSteps"] = CanonicalField.Description,
        ["System.Tags"] = CanonicalField.Labels,
        ["System.Title"] = CanonicalField.Title,
        ["System.AssignedTo"] = CanonicalField.Assignee,
        ["System.Parent"] = CanonicalField.Parent,
        ["System.LinkTypes.Hierarchy-Forward"] = CanonicalField.Link,
        ["System.LinkTypes.Hierarchy-Reverse"] = CanonicalField.Parent,
        ["System.LinkTypes.Dependency-Forward"] = CanonicalField.Link,
        ["System.LinkTypes.Dependency-Reverse"] = CanonicalField.Link,
        ["System.LinkTypes.Related"] = CanonicalField.Link,
        ["System.LinkTypes.Duplicate-Forward"] = CanonicalField.Link,
        ["System.LinkTypes.Duplicate-Reverse"] = CanonicalField.Link,
        ["ArtifactLink"] = CanonicalField.Link,
        ["Hyperlink"] = CanonicalField.Link,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, CanonicalField> BySchemaType = new Dictionary<string, CanonicalField>(StringComparer.OrdinalIgnoreCase)
    {
        ["com.pyxis.greenhopper.jira:gh-lexo-rank"] = CanonicalField.Rank,
        ["com.pyxis.greenhopper.jira:gh-global-rank"] = CanonicalField.Rank,
        ["com.pyxis.greenhopper.jira:gh-sprint"] = CanonicalField.Sprint,
        ["com.pyxis.greenhopper.jira:gh-epic-link"] = CanonicalField.Parent,
        ["com.atlassian.jpo:jpo-custom-field-parent"] = CanonicalField.Parent,
        ["com.atlassian.jpo:jpo-custom-field-baseline-start"] = CanonicalField.StartDate,
        ["com.atlassian.jpo:jpo-custom-field-baseline-end"] = CanonicalField.TargetDate,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical field for a changelog field name or Azure DevOps reference name.</summary>
    public static CanonicalField FromSourceName(string? name) =>
        name is not null && ByName.TryGetValue(name.Trim(), out var field) ? field : CanonicalField.Other;

    /// <summary>
    /// The canonical field for a Jira custom field, from its schema custom type
    /// (<c>com.pyxis.greenhopper.jira:gh-sprint</c>), falling back to its display name.
    /// </summary>
    public static CanonicalField FromJiraCustomType(string? schemaCustomType, string? name = null)
    {
        if (schemaCustomType is not null && BySchemaType.TryGetValue(schemaCustomType.Trim(), out var field))
        {
            return field;
        }

        return FromSourceName(name);
    }
}
