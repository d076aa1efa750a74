using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Storage.Aggregates;

/// <summary>An ISO week as one sortable integer column: <c>year * 100 + week</c>.</summary>
public static class WeekKey
{
    public static int Of(IsoWeek week) => (week.Year * 100) + week.Week;

    public static IsoWeek ToWeek(int key) => new(key / 100, key % 100);
}
