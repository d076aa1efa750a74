using BacklogInsight.Domain.Alerts;
using BacklogInsight.Storage.Notifications;

namespace BacklogInsight.Workers.Notifications;

/// <summary>Whether a channel takes an alert: its teams (a channel for some teams skips organisation-wide alerts), rules and events.</summary>
public static class ChannelRouting
{
    public static bool Accepts(NotificationChannel channel, AlertNotice notice) =>
        channel.Events.Contains(NotificationEvents.RoutingName(notice.Transition), StringComparer.Ordinal)
        && (channel.RuleIds is null || channel.RuleIds.Contains(notice.RuleId, StringComparer.Ordinal))
        && (channel.TeamIds is null || (notice.TeamId is { } team && channel.TeamIds.Contains(team)));
}
