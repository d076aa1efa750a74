namespace BacklogInsight.Workers.Notifications;

/// <summary>Posts an Adaptive Card to a Microsoft Teams Workflows webhook (the URL is the channel's secret).</summary>
public sealed class TeamsNotifier(NotificationHttpSender http) : IChannelNotifier
{
    public string Kind => ChannelKinds.Teams;

    public Task<AttemptResult> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken) =>
        http.PostJsonAsync(
            notification.Secret(ChannelKinds.WebhookUrlSecret),
            TeamsPayload.Build(notification.Message).ToJsonString(NotificationJson.Options),
            new Dictionary<string, string>(),
            cancellationToken);
}
