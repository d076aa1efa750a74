using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Sample;

namespace BacklogInsight.Sources.Tests.Sample;

public sealed class SampleGeneratorTests
{
    /// <summary>Pinned for seed 42 and anchor 2026-11-23T09:00Z; any drift of the generator changes it.</summary>
    private const string GoldenFingerprint = "643b0467cddec7945a68d9d8690addd9f81d81c2f371470dde1e253011c0beac";

    private static SampleOrganisation CreateSut() => SampleTestData.Organisation;

    [Test]
    public void Generate_Seed42_MeetsTheMinimumSizes()
    {
        var sut = CreateSut();

        Assert.Multiple(() =>
        {
            Assert.That(sut.Teams, Has.Count.GreaterThanOrEqualTo(4));
            Assert.That(sut.People, Has.Count.GreaterThanOrEqualTo(30));
            Assert.That(sut.Items, Has.Count.GreaterThanOrEqualTo(2_000));
            Assert.That(sut.Activities, Has.Count.GreaterThanOrEqualTo(25_000));
        });
    }

    [Test]
    public void Generate_SameSeedAndNow_GivesIdenticalActivities()
    {
        var first = SampleGenerator.Generate(SampleTestData.Seed, SampleTestData.Now);

        var second = SampleGenerator.Generate(SampleTestData.Seed, SampleTestData.Now);

        Assert.That(SampleTestData.Fingerprint(second.Activities), Is.EqualTo(SampleTestData.Fingerprint(first.Activities)));
    }

    [Test]
    public void Generate_DifferentSeed_GivesDifferentActivities()
    {
        var golden = CreateSut();

        var other = SampleGenerator.Generate(SampleTestData.Seed + 1, SampleTestData.Now);

        Assert.That(SampleTestData.Fingerprint(other.Activities), Is.Not.EqualTo(SampleTestData.Fingerprint(golden.Activities)));
    }

    [Test]
    public void Generate_Seed42_MatchesTheGoldenFingerprint()
    {
        var sut = CreateSut();

        var fingerprint = SampleTestData.Fingerprint(sut.Activities);

        Assert.That(fingerprint, Is.EqualTo(GoldenFingerprint));
    }

    [Test]
    public void Generate_Seed42_DeliveryByAssigneesIsTheMajority()
    {
        var sut = CreateSut();
        var developers = sut.Profiles.SelectMany(p => p.Developers).Select(d => d.SourceId).ToHashSet();

        var delivery = sut.Activities.Count(a =>
            developers.Contains(a.ActorSourceId!)
            && a.ActorSourceId == sut.ItemsById[a.WorkItemSourceId].AssigneeSourceId
            && a.Kind is ActivityKind.Transitioned or ActivityKind.WorkLogged or ActivityKind.Commented or ActivityKind.Linked
                or ActivityKind.FieldChanged or ActivityKind.Created);

        Assert.That(delivery, Is.GreaterThan(sut.Activities.Count / 2));
    }

    [Test]
    public void Generate_Seed42_CommentsAreVaried()
    {
        var comments = CreateSut().Activities.Where(a => a.Kind == ActivityKind.Commented).Select(a => a.Text!).ToList();

        var mostCommon = comments.GroupBy(c => c, StringComparer.Ordinal).Max(g => g.Count());

        Assert.Multiple(() =>
        {
            Assert.That(comments.Distinct(StringComparer.Ordinal).Count(), Is.GreaterThanOrEqualTo(60));
            Assert.That(mostCommon, Is.LessThan(comments.Count * 0.03));
        });
    }

    [Test]
    public void Generate_Seed42_SourceKeysAreUnique()
    {
        var sut = CreateSut();

        Assert.That(sut.Activities.Select(a => a.SourceKey), Is.Unique);
    }

    [Test]
    public void Generate_Seed42_EveryActivityIsInsideTheWindowAndNotBeforeItsItem()
    {
        var sut = CreateSut();

        var outside = sut.Activities.Where(a =>
            a.OccurredAt <= sut.WindowStart || a.OccurredAt > sut.Now || a.OccurredAt.Offset != TimeSpan.Zero
            || a.OccurredAt < sut.ItemsById[a.WorkItemSourceId].CreatedAt);

        Assert.That(outside, Is.Empty);
    }

    [Test]
    public void Generate_Seed42_ActivitiesAreInStreamOrder()
    {
        var activities = CreateSut().Activities;

        var outOfOrder = Enumerable.Range(1, activities.Count - 1).Where(i =>
            activities[i - 1].OccurredAt > activities[i].OccurredAt
            || (activities[i - 1].OccurredAt == activities[i].OccurredAt
                && string.CompareOrdinal(activities[i - 1].SourceKey, activities[i].SourceKey) >= 0));

        Assert.That(outOfOrder, Is.Empty);
    }

    [Test]
    public void Generate_Seed42_EveryActorIsInTheCatalogue()
    {
        var sut = CreateSut();
        var people = sut.People.Select(p => p.SourceId).ToHashSet();

        Assert.That(sut.Activities.Where(a => a.ActorSourceId is null || !people.Contains(a.ActorSourceId)), Is.Empty);
    }

    [Test]
    public void Generate_Seed42_ItemsAreConsistentWithTheirHistory()
    {
        var sut = CreateSut();
        var lastByItem = sut.Activities.GroupBy(a => a.WorkItemSourceId).ToDictionary(g => g.Key, g => g.Max(a => a.OccurredAt));

        Assert.Multiple(() =>
        {
            Assert.That(sut.Items.Where(i => i.UpdatedAt != lastByItem[i.SourceId]), Is.Empty);
            Assert.That(sut.Items.Where(i => i.ParentSourceId is { } parent && !sut.ItemsById.ContainsKey(parent)), Is.Empty);
            Assert.That(sut.Items.Select(i => i.Key), Is.Unique);
            Assert.That(sut.Items.Where(i => i.StatusCategory != CategoryOf(i.Status)), Is.Empty);
        });
    }

    private static StatusCategory CategoryOf(string status) => status switch
    {
        "To Do" => StatusCategory.ToDo,
        "Done" => StatusCategory.Done,
        _ => StatusCategory.InProgress,
    };

    [Test]
    public void Generate_Seed42_ReportsItsShape()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var sut = SampleGenerator.Generate(SampleTestData.Seed, SampleTestData.Now);
        stopwatch.Stop();

        TestContext.Out.WriteLine($"generated in {stopwatch.ElapsedMilliseconds} ms; fingerprint {SampleTestData.Fingerprint(sut.Activities)}");
        TestContext.Out.WriteLine($"teams {sut.Teams.Count}, people {sut.People.Count}, items {sut.Items.Count}, activities {sut.Activities.Count}");
        foreach (var kind in sut.Activities.GroupBy(a => a.Kind).OrderBy(g => g.Key))
        {
            TestContext.Out.WriteLine($"  {kind.Key}: {kind.Count()}");
        }

        foreach (var team in sut.Teams)
        {
            TestContext.Out.WriteLine($"  team {team.Name}: items {sut.Items.Count(i => i.TeamSourceId == team.SourceId)}, activities {SampleTestData.ActivitiesOf(sut, team).Count()}");
        }

        Assert.That(sut.Activities, Is.Not.Empty);
    }
}
