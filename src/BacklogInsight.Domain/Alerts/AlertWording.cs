using System.Globalization;

namespace BacklogInsight.Domain.Alerts;

/// <summary>How alert evidence writes instants and counts: dates in the organisation's zone, ages in days.</summary>
public sealed class AlertWording(TimeZoneInfo zone, DateTimeOffset now)
{
    public string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string DateAndAge(DateTimeOffset instant)
    {
        var days = (int)Math.Floor((now - instant).TotalDays);
        var age = days switch
        {
            <= 0 => "today",
            1 => "1 day ago",
            _ => string.Create(CultureInfo.InvariantCulture, $"{days} days ago"),
        };
        return $"{Date(instant)} ({age})";
    }

    public string Activity(LastActivity activity)
    {
        var item = activity.ItemKey is null ? string.Empty
            : activity.ItemTitle is null ? $" on {activity.ItemKey}" : $" on {activity.ItemKey} “{activity.ItemTitle}”";
        return $"{activity.Who} {activity.What}{item}, {DateAndAge(activity.At)}";
    }

    public static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
