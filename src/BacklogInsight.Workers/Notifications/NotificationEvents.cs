using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Notifications;

/// <summary>The names of what a channel can be told: routing names and the event of each delivery.</summary>
public static class NotificationEvents
{
    public const string Opened = "opened";
    public const string Resolved = "resolved";
    public const string Reminder = "reminder";

    public const string WeeklyReport = "weekly-report";
    public const string Test = "test";

    /// <summary>The alert transitions a channel can route; all of them when a channel names none.</summary>
    public static readonly IReadOnlyList<string> AlertTransitions = [Opened, Resolved, Reminder];

    public static string RoutingName(AlertTransition transition) => transition switch
    {
        AlertTransition.Opened => Opened,
        AlertTransition.Resolved => Resolved,
        _ => Reminder,
    };

    /// <summary>The delivery event of an alert transition, e.g. <c>alert.opened</c>.</summary>
    public static string Of(AlertTransition transition) => "alert." + RoutingName(transition);
}
