using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Tests.Balance;

public sealed class OwnerCoverageTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void From_SeveralPeople_ListsWhoDidOwnerAndStrategicWorkMostFirst()
    {
        PersonActivitySummary[] people =
        [
            new PersonSummaryBuilder().WithId("a").WithCounts(tactical: 2).WithLastTacticalAt(Monday.AddDays(3)).Build(),
            new PersonSummaryBuilder().WithId("b").WithCounts(tactical: 7, strategic: 1)
                .WithLastTacticalAt(Monday.AddDays(1)).WithLastStrategicAt(Monday).Build(),
            new PersonSummaryBuilder().WithId("dev").WithCounts(delivery: 20).Build(),
        ];

        var coverage = OwnerCoverage.From(people);

        Assert.Multiple(() =>
        {
            Assert.That(coverage.OwnerWork.Select(e => (e.PersonSourceId, e.Count)), Is.EqualTo(new[] { ("b", 7), ("a", 2) }));
            Assert.That(coverage.StrategicWork.Select(e => e.PersonSourceId), Is.EqualTo(new[] { "b" }));
            Assert.That(coverage.LastOwnerWorkAt, Is.EqualTo(Monday.AddDays(3)));
            Assert.That(coverage.LastStrategicWorkAt, Is.EqualTo(Monday));
            Assert.That(coverage.DeFactoOwner?.PersonSourceId, Is.EqualTo("b"));
            Assert.That(coverage.DesignatedOwnerActive, Is.Null);
        });
    }

    [Test]
    public void From_DesignatedOwnerIdleWhileOthersFillIn_ReportsOwnerInactiveAndTheDeFactoOwner()
    {
        PersonActivitySummary[] people =
        [
            new PersonSummaryBuilder().WithId("owner").WithCounts(delivery: 1).WithLastTacticalAt(Monday.AddDays(-40)).Build(),
            new PersonSummaryBuilder().WithId("stand-in").WithCounts(tactical: 4).WithLastTacticalAt(Monday).Build(),
        ];

        var coverage = OwnerCoverage.From(people, designatedOwnerSourceId: "owner");

        Assert.Multiple(() =>
        {
            Assert.That(coverage.DesignatedOwnerActive, Is.False);
            Assert.That(coverage.DeFactoOwner?.PersonSourceId, Is.EqualTo("stand-in"));
            Assert.That(coverage.OwnerWork.Select(e => e.PersonSourceId), Is.EqualTo(new[] { "stand-in", "owner" }));
        });
    }

    [Test]
    public void From_NoProductWorkButEarlierInstants_KeepsWhenLastWithNoDeFactoOwner()
    {
        var person = new PersonSummaryBuilder().WithCounts(delivery: 3)
            .WithLastTacticalAt(Monday.AddDays(-9)).WithLastStrategicAt(Monday.AddDays(-80)).Build();

        var coverage = OwnerCoverage.From([person], designatedOwnerSourceId: person.PersonSourceId);

        Assert.Multiple(() =>
        {
            Assert.That(coverage.DeFactoOwner, Is.Null);
            Assert.That(coverage.LastOwnerWorkAt, Is.EqualTo(Monday.AddDays(-9)));
            Assert.That(coverage.LastStrategicWorkAt, Is.EqualTo(Monday.AddDays(-80)));
            Assert.That(coverage.DesignatedOwnerActive, Is.False);
        });
    }

    [Test]
    public void From_Nobody_IsEmptyWithNoInstants()
    {
        var coverage = OwnerCoverage.From([]);

        Assert.Multiple(() =>
        {
            Assert.That(coverage.OwnerWork, Is.Empty);
            Assert.That(coverage.StrategicWork, Is.Empty);
            Assert.That(coverage.LastOwnerWorkAt, Is.Null);
            Assert.That(coverage.DeFactoOwner, Is.Null);
        });
    }
}
