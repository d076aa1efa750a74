namespace BacklogInsight.Storage.Notifications;

/// <summary>One try at sending a delivery: when, how long, and what the receiver answered.</summary>
public sealed class NotificationAttempt
{
    public long Id { get; init; }

    public long DeliveryId { get; init; }

    /// <summary>1 for the first try.</summary>
    public int Number { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public int DurationMilliseconds { get; init; }

    public bool Succeeded { get; init; }

    /// <summary>The HTTP status code, or the SMTP reply code.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The start of the receiver's answer (HTTP body or SMTP reply), for the record.</summary>
    public string? Reply { get; init; }

    /// <summary>What went wrong, in plain words; null when it succeeded.</summary>
    public string? Error { get; init; }
}
