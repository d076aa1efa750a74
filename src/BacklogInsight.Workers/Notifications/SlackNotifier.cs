namespace BacklogInsight.Workers.Notifications;

/// <summary>Posts to a Slack incoming webhook (the URL is the channel's secret).</summary>
public sealed class SlackNotifier(NotificationHttpSender http) : IChannelNotifier
{
    public string Kind => ChannelKinds.Slack;

    public Task<AttemptResult> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken) =>
        http.PostJsonAsync(
            notification.Secret(ChannelKinds.WebhookUrlSecret),
            SlackPayload.Build(notification.Message).ToJsonString(NotificationJson.Options),
            new Dictionary<string, string>(),
            cancellationToken);
}
