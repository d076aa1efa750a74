using Cronos;

namespace BacklogInsight.Workers.Alerts;

/// <summary>How long a connection's schedule may leave between two syncs: the longest gap of its cron over the past week.</summary>
public static class SyncScheduleInterval
{
    public static TimeSpan Of(string cron, DateTimeOffset now)
    {
        var expression = CronExpression.Parse(cron);
        var occurrences = expression.GetOccurrences(now.AddDays(-8), now, TimeZoneInfo.Utc).ToList();
        if (occurrences.Count < 2)
        {
            return TimeSpan.FromDays(7);
        }

        return occurrences.Zip(occurrences.Skip(1), (a, b) => b - a).Max();
    }
}
