using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Domain.Tests.Reports;

public sealed class AttentionRulesTests
{
    private static IReadOnlyList<AttentionReason> Assess(TeamWeeklyInputBuilder input) => Reporting.Team(input).Attention;

    [TestCase(4, 5, 25, new AttentionReason[0])]
    [TestCase(4, 6, 25, new[] { AttentionReason.FallingBalance })]
    [TestCase(2, 0, 30, new[] { AttentionReason.NoOwnerWorkWhileDelivering })]
    [TestCase(0, 0, 4, new AttentionReason[0])]
    [TestCase(3, 1, 40, new[] { AttentionReason.ThinOwnership })]
    [TestCase(1, 9, 20, new[] { AttentionReason.FallingBalance })]
    [TestCase(0, 0, 0, new AttentionReason[0])]
    public void Assess_ThisWeeksCounts_GivesReasonsMostUrgentFirst(int strategic, int tactical, int delivery, AttentionReason[] expected)
    {
        var reasons = Assess(new TeamWeeklyInputBuilder().WithWeek(0, strategic, tactical, delivery));

        Assert.That(reasons, Is.EqualTo(expected));
    }

    [Test]
    public void Assess_NoStrategicWorkInTheWholeTrendWindow_IsReportedAfterMissingOwnerWork()
    {
        var input = new TeamWeeklyInputBuilder();
        for (var back = 0; back < 9; back++)
        {
            input.WithWeek(back, tactical: 0, delivery: 20);
        }

        Assert.That(Assess(input), Is.EqualTo(new[] { AttentionReason.NoOwnerWorkWhileDelivering, AttentionReason.NoStrategicWork }));
    }

    [Test]
    public void Assess_StrategicWorkOnlyBeforeTheTrendWindow_StillNoStrategicWork()
    {
        var input = new TeamWeeklyInputBuilder();
        for (var back = 0; back < 9; back++)
        {
            input.WithWeek(back, tactical: 5, delivery: 20);
        }

        Assert.That(Assess(input), Does.Contain(AttentionReason.NoStrategicWork));
    }
}
