using BacklogInsight.Storage.Notifications;

namespace BacklogInsight.Workers.Notifications;

/// <summary>One attempt at one delivery: the channel with its decrypted secrets, and the message.</summary>
public sealed record OutgoingNotification(
    NotificationChannel Channel,
    IReadOnlyDictionary<string, string> Secrets,
    long DeliveryId,
    string IdempotencyKey,
    int Attempt,
    NotificationMessage Message)
{
    public string Secret(string name) =>
        Secrets.GetValueOrDefault(name) ?? throw new InvalidOperationException($"Channel '{Channel.Name}' has no secret '{name}'.");
}
