using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Tests.Balance;

public sealed class RoleProfilerTests
{
    private static readonly IsoWeek Week = new(2026, 47);

    private static RoleProfiler CreateSut() => new();

    private static ClassCounts Counts(int strategic, int tactical, int delivery = 0) => new(strategic, tactical, delivery, 0);

    // person (S, T, D) within team (S, T, D) → role
    [TestCase(6, 1, 0, 10, 10, 40, InferredRole.ProductManagerLike)]
    [TestCase(3, 2, 0, 10, 10, 40, InferredRole.ProductManagerLike)]
    [TestCase(1, 8, 2, 10, 10, 40, InferredRole.ProductOwnerLike)]
    [TestCase(0, 2, 0, 2, 8, 40, InferredRole.ProductOwnerLike)]
    [TestCase(6, 6, 0, 10, 10, 40, InferredRole.Combined)]
    [TestCase(9, 3, 1, 10, 5, 40, InferredRole.Combined)]
    [TestCase(0, 0, 20, 10, 10, 40, InferredRole.Contributor)]
    [TestCase(3, 3, 0, 10, 10, 40, InferredRole.Contributor)]
    [TestCase(1, 0, 0, 1, 10, 40, InferredRole.Contributor)]
    [TestCase(2, 0, 0, 10, 10, 40, InferredRole.Contributor)]
    [TestCase(2, 2, 0, 2, 2, 40, InferredRole.Contributor)]
    [TestCase(3, 3, 0, 3, 3, 40, InferredRole.Combined)]
    public void Infer_Counts_GivesRole(int s, int t, int d, int teamS, int teamT, int teamD, InferredRole expected)
    {
        var (role, reasons) = CreateSut().Infer(Counts(s, t, d), Counts(teamS, teamT, teamD));

        Assert.Multiple(() =>
        {
            Assert.That(role, Is.EqualTo(expected));
            Assert.That(reasons, Is.Not.Empty);
        });
    }

    [Test]
    public void Infer_ProductManagerLike_ReasonsGiveTheShares()
    {
        var (_, reasons) = CreateSut().Infer(Counts(6, 2), Counts(10, 10));

        Assert.That(reasons, Is.EqualTo(new[] { "75% of their product work is strategic.", "Carries 60% of the team's strategic activity." }));
    }

    [Test]
    public void Infer_StricterOptions_SameCountsNoLongerQualify()
    {
        var sut = new RoleProfiler(new RoleInferenceOptions { FocusShare = 0.9 });

        var (role, _) = sut.Infer(Counts(6, 1), Counts(10, 10));

        Assert.That(role, Is.EqualTo(InferredRole.Contributor));
    }

    [Test]
    public void Profile_Team_SharesAreOfTheTeamTotalsAndOrderedByRole()
    {
        PersonActivitySummary[] people =
        [
            new PersonSummaryBuilder().WithId("dev").WithName("Dev").WithCounts(delivery: 30).Build(),
            new PersonSummaryBuilder().WithId("po").WithName("Olga").WithCounts(tactical: 8, delivery: 2).Build(),
            new PersonSummaryBuilder().WithId("pm").WithName("Max").WithCounts(strategic: 4, tactical: 2).Build(),
        ];

        var profiles = CreateSut().Profile("team-a", Week, people);

        Assert.Multiple(() =>
        {
            Assert.That(profiles.Select(p => p.PersonSourceId), Is.EqualTo(new[] { "pm", "po", "dev" }));
            Assert.That(profiles.Select(p => p.Role), Is.EqualTo(new[] { InferredRole.ProductManagerLike, InferredRole.ProductOwnerLike, InferredRole.Contributor }));
            Assert.That(profiles[1].TeamShares.Tactical, Is.EqualTo(0.8).Within(1e-9));
            Assert.That(profiles[1].OwnShares.Delivery, Is.EqualTo(0.2).Within(1e-9));
            Assert.That(profiles[0].TeamShares.Delivery, Is.EqualTo(0).Within(1e-9));
            Assert.That(profiles[0].Volume, Is.EqualTo(6));
            Assert.That(profiles.Select(p => p.TeamSourceId), Is.All.EqualTo("team-a"));
        });
    }

    [Test]
    public void Profile_PersonInTwoTeams_GetsAProfilePerTeamEachAgainstItsOwnTeam()
    {
        var inA = new PersonSummaryBuilder().WithId("sam").WithCounts(strategic: 5, tactical: 1).Build();
        var inB = new PersonSummaryBuilder().WithId("sam").WithCounts(tactical: 6, delivery: 1).Build();
        var otherInB = new PersonSummaryBuilder().WithId("kim").WithCounts(strategic: 4, tactical: 1).Build();

        var a = CreateSut().Profile("team-a", Week, [inA]).Single();
        var b = CreateSut().Profile("team-b", Week, [inB, otherInB]).Single(p => p.PersonSourceId == "sam");

        Assert.Multiple(() =>
        {
            Assert.That((a.TeamSourceId, a.Role), Is.EqualTo(("team-a", InferredRole.ProductManagerLike)));
            Assert.That((b.TeamSourceId, b.Role), Is.EqualTo(("team-b", InferredRole.ProductOwnerLike)));
            Assert.That(b.TeamShares.Tactical, Is.EqualTo(6.0 / 7).Within(1e-9));
        });
    }

    [Test]
    public void Profile_NobodyActive_IsEmpty()
    {
        Assert.That(CreateSut().Profile("team-a", Week, []), Is.Empty);
    }
}
