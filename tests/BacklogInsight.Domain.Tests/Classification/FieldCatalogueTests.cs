using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

public sealed class FieldCatalogueTests
{
    [TestCase("Rank", CanonicalField.Rank)]
    [TestCase("rank", CanonicalField.Rank)]
    [TestCase("Sprint", CanonicalField.Sprint)]
    [TestCase("Story point estimate", CanonicalField.Estimate)]
    [TestCase("Fix Version", CanonicalField.FixVersion)]
    [TestCase("Target end", CanonicalField.TargetDate)]
    [TestCase("Acceptance Criteria", CanonicalField.AcceptanceCriteria)]
    [TestCase("Epic Link", CanonicalField.Parent)]
    [TestCase("timespent", CanonicalField.TimeSpent)]
    [TestCase("RemoteIssueLink", CanonicalField.Link)]
    [TestCase("Microsoft.VSTS.Common.BacklogPriority", CanonicalField.Rank)]
    [TestCase("microsoft.vsts.common.stackrank", CanonicalField.Rank)]
    [TestCase("Microsoft.VSTS.Scheduling.Size", CanonicalField.Estimate)]
    [TestCase("Microsoft.VSTS.Common.TimeCriticality", CanonicalField.ValueArea)]
    [TestCase("System.IterationPath", CanonicalField.Sprint)]
    [TestCase("System.State", CanonicalField.Status)]
    [TestCase("System.Tags", CanonicalField.Labels)]
    [TestCase("System.LinkTypes.Hierarchy-Reverse", CanonicalField.Parent)]
    [TestCase("customfield_10019", CanonicalField.Other)]
    [TestCase(null, CanonicalField.Other)]
    public void FromSourceName_KnownAndUnknownNames_MapsCaseInsensitively(string? name, CanonicalField expected)
    {
        Assert.That(FieldCatalogue.FromSourceName(name), Is.EqualTo(expected));
    }

    [TestCase("com.pyxis.greenhopper.jira:gh-lexo-rank", "Whatever", CanonicalField.Rank)]
    [TestCase("com.pyxis.greenhopper.jira:gh-sprint", null, CanonicalField.Sprint)]
    [TestCase("com.atlassian.jpo:jpo-custom-field-parent", null, CanonicalField.Parent)]
    [TestCase("com.atlassian.jira.plugin.system.customfieldtypes:float", "Story Points", CanonicalField.Estimate)]
    [TestCase("com.example:unknown", "Mood", CanonicalField.Other)]
    public void FromJiraCustomType_SchemaTypeThenName_Maps(string type, string? name, CanonicalField expected)
    {
        Assert.That(FieldCatalogue.FromJiraCustomType(type, name), Is.EqualTo(expected));
    }
}
