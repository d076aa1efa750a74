namespace BacklogInsight.Workers.Notifications;

/// <summary>Sends one message over one kind of channel, once; retrying is the dispatcher's business.</summary>
public interface IChannelNotifier
{
    /// <summary>The channel kind served, one of <see cref="ChannelKinds"/>.</summary>
    string Kind { get; }

    /// <summary>Never throws for a receiver's failure: the result says what happened.</summary>
    Task<AttemptResult> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}
