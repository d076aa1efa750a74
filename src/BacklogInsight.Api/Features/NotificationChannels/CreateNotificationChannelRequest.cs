using System.Text.Json;

namespace BacklogInsight.Api.Features.NotificationChannels;

/// <summary>
/// The body of <c>POST /api/notification-channels</c>. <c>Secrets</c> is write-only (<c>webhookUrl</c> for Slack and
/// Teams, <c>signingSecret</c> for a webhook, <c>password</c> for e-mail): stored encrypted and never returned.
/// </summary>
public sealed record CreateNotificationChannelRequest(
    string? Name, string? Kind, JsonElement? Settings, Dictionary<string, string>? Secrets, ChannelRoutingRequest? Routing);
