using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Sample;

namespace BacklogInsight.Sources.Tests.Sample;

public sealed class SampleSituationTests
{
    private static readonly string[] StrategicCues =
        ["interview", "competitor", "pricing", "okr", "market", "roadmap", "tam", "win/loss", "kpi", "business case", "survey", "segment"];

    private static SampleOrganisation CreateSut() => SampleTestData.Organisation;

    private static string Describe(Activity a) =>
        $"{a.SourceKey} {a.OccurredAt:O} {SampleTestData.ItemOf(a).Key} by {a.ActorSourceId}: {a.Kind} {a.SourceField} {a.To} {a.Text}";

    [Test]
    public void Generate_HealthyTeam_HasDistinctManagerAndOwnerBothActiveEveryThreeWeeks()
    {
        var sut = CreateSut();
        var profile = SampleTestData.Profile(SampleTeamSituation.Healthy);
        var activities = SampleTestData.ActivitiesOf(sut, profile.Team).ToList();

        var quietWindows = Enumerable.Range(0, 5)
            .Select(i => (From: sut.WindowStart.AddDays(21 * i), To: sut.WindowStart.AddDays(21 * (i + 1))))
            .Where(w => !activities.Any(a => a.ActorSourceId == profile.ProductManager.SourceId && a.OccurredAt > w.From && a.OccurredAt <= w.To)
                || !activities.Any(a => a.ActorSourceId == profile.ProductOwner.SourceId && a.OccurredAt > w.From && a.OccurredAt <= w.To));

        Assert.Multiple(() =>
        {
            Assert.That(profile.ProductManager.SourceId, Is.Not.EqualTo(profile.ProductOwner.SourceId));
            Assert.That(profile.Team.OwnerSourceId, Is.EqualTo(profile.ProductOwner.SourceId));
            Assert.That(quietWindows, Is.Empty);
        });
    }

    [Test]
    public void Generate_HealthyTeam_ManagerWorksOnBigItemsAndOwnerOnStories()
    {
        var sut = CreateSut();
        var profile = SampleTestData.Profile(SampleTeamSituation.Healthy);
        var activities = SampleTestData.ActivitiesOf(sut, profile.Team).ToList();

        var managerOnBigItems = activities.Count(a => a.ActorSourceId == profile.ProductManager.SourceId && SampleTestData.ItemOf(a).HierarchyLevel >= 1);
        var managerOnStories = activities.Count(a => a.ActorSourceId == profile.ProductManager.SourceId && SampleTestData.ItemOf(a).HierarchyLevel <= 0);
        var ownerAccepts = activities.Count(a => a.ActorSourceId == profile.ProductOwner.SourceId
            && a.Kind == ActivityKind.Transitioned && a.From == profile.AcceptanceStatus && a.To == "Done");

        Assert.Multiple(() =>
        {
            Assert.That(managerOnBigItems, Is.GreaterThanOrEqualTo(40));
            Assert.That(managerOnStories, Is.Zero);
            Assert.That(ownerAccepts, Is.GreaterThanOrEqualTo(30));
        });
    }

    [Test]
    public void Generate_CombinedTeam_OnePersonDoesStrategicAndTacticalWork()
    {
        var sut = CreateSut();
        var profile = SampleTestData.Profile(SampleTeamSituation.CombinedRole);
        var lead = profile.ProductOwner.SourceId;
        var activities = SampleTestData.ActivitiesOf(sut, profile.Team).Where(a => a.ActorSourceId == lead).ToList();

        var strategic = activities.Count(a => SampleTestData.ItemOf(a).HierarchyLevel >= 1);
        var tactical = activities.Count(a => SampleTestData.ItemOf(a).HierarchyLevel == 0
            && a.Field is CanonicalField.Rank or CanonicalField.Sprint or CanonicalField.AcceptanceCriteria
            && SampleTestData.ItemOf(a).AssigneeSourceId != lead);

        Assert.Multiple(() =>
        {
            Assert.That(profile.ProductManager.SourceId, Is.EqualTo(lead));
            Assert.That(strategic, Is.GreaterThanOrEqualTo(30));
            Assert.That(tactical, Is.GreaterThanOrEqualTo(100));
        });
    }

    [Test]
    public void Generate_DeactivatedOwnerTeam_OnlyDevelopersAndTheBotActAfterDeactivation()
    {
        var sut = CreateSut();
        var profile = SampleTestData.Profile(SampleTeamSituation.OwnerDeactivated);
        var cutoff = sut.Now - SampleGenerator.OwnerGoneBefore;
        var allowed = profile.Developers.Select(d => d.SourceId).Append(sut.Bot.SourceId).ToHashSet();
        var after = SampleTestData.ActivitiesOf(sut, profile.Team).Where(a => a.OccurredAt >= cutoff).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(profile.ProductOwner.IsActive, Is.False);
            Assert.That(profile.Team.OwnerSourceId, Is.EqualTo(profile.ProductOwner.SourceId));
            Assert.That(sut.People, Does.Contain(profile.ProductOwner));
            Assert.That(sut.Activities.Where(a => a.ActorSourceId == profile.ProductOwner.SourceId && a.OccurredAt >= cutoff), Is.Empty);
            Assert.That(after.Where(a => !allowed.Contains(a.ActorSourceId!)).Select(Describe), Is.Empty);
            Assert.That(after, Has.Count.GreaterThanOrEqualTo(500));
            Assert.That(sut.Activities.Count(a => a.ActorSourceId == profile.ProductOwner.SourceId), Is.GreaterThanOrEqualTo(100));
        });
    }

    [Test]
    public void Generate_NoStrategyTeam_HasNoStrategicWorkInTheLastFourteenWeeks()
    {
        var sut = CreateSut();
        var profile = SampleTestData.Profile(SampleTeamSituation.NoStrategy);
        var cutoff = sut.Now - SampleGenerator.StrategyGoneBefore;
        var recent = SampleTestData.ActivitiesOf(sut, profile.Team).Where(a => a.OccurredAt >= cutoff).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(recent.Where(a => SampleTestData.ItemOf(a).HierarchyLevel >= 1).Select(Describe), Is.Empty);
            Assert.That(sut.Activities.Where(a => a.ActorSourceId == profile.ProductManager.SourceId && a.OccurredAt >= cutoff), Is.Empty);
            Assert.That(recent.Where(a => a.Text is { } text && StrategicCues.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase))).Select(Describe), Is.Empty);
            Assert.That(sut.Activities.Count(a => a.ActorSourceId == profile.ProductManager.SourceId), Is.GreaterThan(0));
        });
    }

    [Test]
    public void Generate_NoStrategyTeam_OwnerKeepsDoingTacticalWork()
    {
        var sut = CreateSut();
        var profile = SampleTestData.Profile(SampleTeamSituation.NoStrategy);
        var cutoff = sut.Now - SampleGenerator.StrategyGoneBefore;

        var tactical = SampleTestData.ActivitiesOf(sut, profile.Team).Count(a => a.OccurredAt >= cutoff
            && a.ActorSourceId == profile.ProductOwner.SourceId
            && (a.Field is CanonicalField.Rank or CanonicalField.Sprint or CanonicalField.AcceptanceCriteria or CanonicalField.Estimate
                || (a.Kind == ActivityKind.Transitioned && a.From == profile.AcceptanceStatus)));

        Assert.That(tactical, Is.GreaterThanOrEqualTo(200));
    }

    [Test]
    public void Generate_Seed42_TheBotActsInEveryTeam()
    {
        var sut = CreateSut();

        var teamsWithBot = sut.Activities.Where(a => a.ActorSourceId == sut.Bot.SourceId)
            .Select(a => SampleTestData.ItemOf(a).TeamSourceId).Distinct().Count();

        Assert.Multiple(() =>
        {
            Assert.That(sut.Bot.IsBot, Is.True);
            Assert.That(teamsWithBot, Is.EqualTo(sut.Teams.Count));
        });
    }
}
