using System.Text.Json;
using BacklogInsight.Storage.Notifications;

namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>A notification channel: its non-secret settings, the names (never the values) of its secrets, its routing.</summary>
public sealed record NotificationChannelResponse(
    Guid Id,
    string Name,
    string Kind,
    bool Enabled,
    JsonElement Settings,
    IReadOnlyList<string> SecretNames,
    ChannelRoutingResponse Routing,
    DateTimeOffset CreatedAt)
{
    public static NotificationChannelResponse From(NotificationChannel channel, IReadOnlyList<string> secretNames) => new(
        channel.Id, channel.Name, channel.Kind, channel.Enabled, JsonDocument.Parse(channel.SettingsJson).RootElement.Clone(), secretNames,
        new ChannelRoutingResponse(channel.TeamIds, channel.RuleIds, channel.Events, channel.WeeklyReports), channel.CreatedAt);
}
