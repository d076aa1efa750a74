namespace BacklogInsight.Domain.Balance;

/// <summary>Turns a team's weekly class counts into its weekly balance series, each week compared with the weeks before.</summary>
public sealed class BalanceCalculator(BalanceOptions options)
{
    // 0.4 − 0.5 is −0.0999…98 in binary floating point; a move of exactly the threshold is meant to count.
    private const double ThresholdTolerance = 1e-9;

    public BalanceCalculator()
        : this(new BalanceOptions())
    {
    }

    /// <summary>The series from the first to the last week given; weeks missing in between count as weeks without activity.</summary>
    public IReadOnlyList<TeamWeekBalance> Calculate(IEnumerable<WeekCounts> weeks)
    {
        var byWeek = Index(weeks);
        return byWeek.Count == 0 ? [] : Series(byWeek, byWeek.Keys.Min(), byWeek.Keys.Max());
    }

    /// <summary>
    /// The series from <paramref name="first"/> to <paramref name="last"/>. Weeks given before <paramref name="first"/>
    /// feed the comparisons, so pass <see cref="BalanceOptions.ComparisonWeeks"/> more weeks than you show.
    /// </summary>
    public IReadOnlyList<TeamWeekBalance> Calculate(IEnumerable<WeekCounts> weeks, IsoWeek first, IsoWeek last) =>
        Series(Index(weeks), first, last);

    private List<TeamWeekBalance> Series(Dictionary<IsoWeek, ClassCounts> byWeek, IsoWeek first, IsoWeek last) =>
        [.. IsoWeek.Range(first, last).Select(week => ForWeek(byWeek, week))];

    private TeamWeekBalance ForWeek(Dictionary<IsoWeek, ClassCounts> byWeek, IsoWeek week)
    {
        var counts = CountsOf(byWeek, week);
        var balance = RoleBalance.Of(counts);
        return new TeamWeekBalance
        {
            Week = week,
            Counts = counts,
            Balance = balance,
            TacticalShare = RoleBalance.TacticalShare(counts),
            Comparison = Compare(byWeek, week, balance),
        };
    }

    private BalanceComparison Compare(Dictionary<IsoWeek, ClassCounts> byWeek, IsoWeek week, double? balance)
    {
        var earlier = Enumerable.Range(1, options.ComparisonWeeks)
            .Select(back => RoleBalance.Of(CountsOf(byWeek, week.AddWeeks(-back))))
            .OfType<double>()
            .ToList();
        if (earlier.Count == 0)
        {
            return BalanceComparison.None;
        }

        var mean = earlier.Average();
        var delta = balance - mean;
        var trend = delta is null || earlier.Count < options.MinimumWeeksWithData ? BalanceTrend.InsufficientData
            : Math.Abs(delta.Value) < options.TrendThreshold - ThresholdTolerance ? BalanceTrend.Steady
            : delta > 0 ? BalanceTrend.Rising
            : BalanceTrend.Falling;
        return new BalanceComparison(mean, earlier.Count, delta, trend);
    }

    private static ClassCounts CountsOf(Dictionary<IsoWeek, ClassCounts> byWeek, IsoWeek week) =>
        byWeek.TryGetValue(week, out var counts) ? counts : ClassCounts.Empty;

    // Storage may hand the same week more than once (one row per connection); those rows add up.
    private static Dictionary<IsoWeek, ClassCounts> Index(IEnumerable<WeekCounts> weeks) =>
        weeks.GroupBy(w => w.Week).ToDictionary(g => g.Key, g => ClassCounts.Sum(g.Select(w => w.Counts)));
}
