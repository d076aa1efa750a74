namespace BacklogInsight.Storage.Notifications;

/// <summary>One secret of a channel (a webhook URL, a signing secret, an SMTP password), encrypted by the caller.</summary>
public sealed class NotificationChannelSecret
{
    public Guid ChannelId { get; init; }

    public required string Name { get; init; }

    public required string ProtectedValue { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
