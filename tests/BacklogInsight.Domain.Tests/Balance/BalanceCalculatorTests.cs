using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Domain.Tests.Balance;

public sealed class BalanceCalculatorTests
{
    private static readonly IsoWeek ThisWeek = new(2026, 47);

    private static BalanceCalculator CreateSut(double threshold = 0.10) => new(new BalanceOptions { TrendThreshold = threshold });

    private static WeekCounts Week(int weeksBack, int strategic, int tactical, int delivery = 10) =>
        new(ThisWeek.AddWeeks(-weeksBack), new ClassCounts(strategic, tactical, delivery, 0));

    /// <summary>Eight earlier weeks at a balance of 0.5, then this week.</summary>
    private static List<WeekCounts> SteadyHalfThen(int strategic, int tactical) =>
        [.. Enumerable.Range(1, 8).Select(back => Week(back, 5, 5)), Week(0, strategic, tactical)];

    private static TeamWeekBalance Last(IReadOnlyList<TeamWeekBalance> series) => series[^1];

    [TestCase(3, 1, 0.75)]
    [TestCase(0, 4, 0.0)]
    [TestCase(5, 0, 1.0)]
    [TestCase(1, 1, 0.5)]
    public void Calculate_ProductWork_BalanceIsStrategicShareOfProductWork(int strategic, int tactical, double expected)
    {
        var series = CreateSut().Calculate([Week(0, strategic, tactical)]);

        Assert.That(Last(series).Balance, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Calculate_DeliveryOnly_BalanceIsNullNotZero()
    {
        var week = Last(CreateSut().Calculate([Week(0, 0, 0, delivery: 12)]));

        Assert.Multiple(() =>
        {
            Assert.That(week.Balance, Is.Null);
            Assert.That(week.TacticalShare, Is.Zero);
            Assert.That(week.Comparison.Trend, Is.EqualTo(BalanceTrend.InsufficientData));
        });
    }

    [Test]
    public void Calculate_NoActivityAtAll_BalanceAndTacticalShareAreNull()
    {
        var week = Last(CreateSut().Calculate([Week(0, 0, 0, delivery: 0)]));

        Assert.Multiple(() =>
        {
            Assert.That(week.Balance, Is.Null);
            Assert.That(week.TacticalShare, Is.Null);
            Assert.That(week.HasActivity, Is.False);
        });
    }

    [Test]
    public void Calculate_TacticalShare_IsTacticalShareOfRoleWorkLeavingOutOther()
    {
        var series = CreateSut().Calculate([new WeekCounts(ThisWeek, new ClassCounts(1, 3, 16, 50))]);

        Assert.That(Last(series).TacticalShare, Is.EqualTo(0.15).Within(1e-9));
    }

    [Test]
    public void Calculate_WeeksMissingBetween_AreFilledAsWeeksWithoutActivity()
    {
        var series = CreateSut().Calculate([Week(3, 1, 1), Week(0, 1, 1)]);

        Assert.Multiple(() =>
        {
            Assert.That(series.Select(w => w.Week), Is.EqualTo(IsoWeek.Range(ThisWeek.AddWeeks(-3), ThisWeek)));
            Assert.That(series[1].Counts, Is.EqualTo(ClassCounts.Empty));
            Assert.That(series[1].Balance, Is.Null);
        });
    }

    [Test]
    public void Calculate_SameWeekTwice_AddsTheCounts()
    {
        var series = CreateSut().Calculate([Week(0, 1, 0), Week(0, 0, 3)]);

        Assert.That(series.Single().Counts, Is.EqualTo(new ClassCounts(1, 3, 20, 0)));
    }

    [Test]
    public void Calculate_EarlierWeeksSomeWithoutProductWork_MeanIsOfTheWeeksWithDataOnly()
    {
        // Nine weeks back (0.0) is outside the eight compared; weeks 2, 4 and 6 have delivery only.
        List<WeekCounts> weeks =
        [
            Week(9, 0, 10), Week(8, 1, 1), Week(7, 3, 1), Week(6, 0, 0), Week(5, 1, 3),
            Week(4, 0, 0), Week(3, 2, 2), Week(2, 0, 0), Week(1, 4, 0), Week(0, 9, 1),
        ];

        var comparison = Last(CreateSut().Calculate(weeks)).Comparison;

        Assert.Multiple(() =>
        {
            Assert.That(comparison.WeeksWithData, Is.EqualTo(5));
            Assert.That(comparison.PreviousMean, Is.EqualTo((0.5 + 0.75 + 0.25 + 0.5 + 1.0) / 5).Within(1e-9));
            Assert.That(comparison.Delta, Is.EqualTo(0.9 - 0.6).Within(1e-9));
            Assert.That(comparison.Trend, Is.EqualTo(BalanceTrend.Rising));
        });
    }

    [TestCase(7, 3, BalanceTrend.Rising)]
    [TestCase(3, 7, BalanceTrend.Falling)]
    [TestCase(2, 3, BalanceTrend.Falling)]
    [TestCase(3, 2, BalanceTrend.Rising)]
    [TestCase(11, 9, BalanceTrend.Steady)]
    [TestCase(9, 11, BalanceTrend.Steady)]
    [TestCase(0, 0, BalanceTrend.InsufficientData)]
    public void Calculate_AgainstSteadyHalf_TrendFollowsTheThreshold(int strategic, int tactical, BalanceTrend expected)
    {
        var series = CreateSut().Calculate(SteadyHalfThen(strategic, tactical));

        Assert.That(Last(series).Comparison.Trend, Is.EqualTo(expected));
    }

    [Test]
    public void Calculate_LowerThreshold_SmallMoveIsATrend()
    {
        var series = CreateSut(threshold: 0.02).Calculate(SteadyHalfThen(11, 9));

        Assert.That(Last(series).Comparison.Trend, Is.EqualTo(BalanceTrend.Rising));
    }

    [Test]
    public void Calculate_OneEarlierWeekWithData_MeanGivenButNoTrend()
    {
        var comparison = Last(CreateSut().Calculate([Week(1, 1, 9), Week(0, 9, 1)])).Comparison;

        Assert.Multiple(() =>
        {
            Assert.That(comparison.PreviousMean, Is.EqualTo(0.1).Within(1e-9));
            Assert.That(comparison.Trend, Is.EqualTo(BalanceTrend.InsufficientData));
        });
    }

    [Test]
    public void Calculate_FirstWeekOnly_HasNoComparison()
    {
        var comparison = CreateSut().Calculate([Week(0, 1, 1)]).Single().Comparison;

        Assert.That(comparison, Is.EqualTo(BalanceComparison.None));
    }

    [Test]
    public void Calculate_WindowAfterTheData_UsesEarlierWeeksForTheFirstComparison()
    {
        var series = CreateSut().Calculate(SteadyHalfThen(7, 3), ThisWeek, ThisWeek);

        Assert.Multiple(() =>
        {
            Assert.That(series.Select(w => w.Week), Is.EqualTo(new[] { ThisWeek }));
            Assert.That(series[0].Comparison.WeeksWithData, Is.EqualTo(8));
            Assert.That(series[0].Comparison.PreviousMean, Is.EqualTo(0.5).Within(1e-9));
        });
    }

    [Test]
    public void Calculate_NoWeeks_IsEmpty()
    {
        Assert.That(CreateSut().Calculate([]), Is.Empty);
    }
}
