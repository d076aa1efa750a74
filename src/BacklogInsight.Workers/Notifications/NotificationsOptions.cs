using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Workers.Notifications;

/// <summary>Delivery of alerts and weekly reports to notification channels. Section <c>Notifications</c>.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Attempts per message before it is given up (the first try included).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; each further wait doubles, with ±20 % jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt (an HTTP request, an SMTP conversation) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Accept webhook URLs on this machine (<c>localhost</c>, 127.0.0.0/8, ::1), also over plain http. Off by default:
    /// channel URLs must be https addresses elsewhere. For tests and local receivers.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>
    /// The address people open BacklogInsight at, e.g. <c>https://insight.example.com</c>: links in messages are made
    /// absolute with it. Empty: messages carry the dashboard path only.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>How often pending messages whose job was lost (a crash between storing and queueing) are queued again (UTC cron).</summary>
    [Required]
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>Hand weekly reports to the channels that ask for them when they are generated.</summary>
    public bool DeliverWeeklyReports { get; set; } = true;
}
