using System.ComponentModel.DataAnnotations;
using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Alerts;

/// <summary>Alert evaluation and reminders. Section <c>Alerts</c>.</summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    /// <summary>When the daily evaluation runs, in the organisation's time zone. Default 06:00 every day.</summary>
    [Required]
    public string Cron { get; set; } = "0 6 * * *";

    /// <summary>
    /// Days an open, unacknowledged alert waits before a reminder, counted from when it was raised or last reminded.
    /// Default 7: once a week, so a lead sees it again at the next planning without being nagged daily.
    /// </summary>
    [Range(1, 365)]
    public int ReminderAfterDays { get; set; } = 7;

    /// <summary>The organisation's thresholds before stored overrides (<c>Alerts:Rules:OwnerWindowDays</c> …); defaults of role-taxonomy.md §5.</summary>
    public AlertThresholds Rules { get; set; } = new();
}
