namespace BacklogInsight.Storage.Notifications;

/// <summary>Where a delivery stands.</summary>
public enum NotificationDeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The receiver accepted it.</summary>
    Delivered,

    /// <summary>Given up: the last attempt was refused for good, or every allowed attempt failed.</summary>
    Failed,
}
