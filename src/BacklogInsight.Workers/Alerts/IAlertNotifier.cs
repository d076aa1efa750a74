using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Alerts;

/// <summary>
/// Hands an alert's transition to delivery. Called after the transition is committed; implementations must be
/// durable (an outbox), so a crash after this call still delivers, and idempotent on
/// <see cref="AlertNotice.IdempotencyKey"/>, so a repeated call delivers once. Resolve every registered notifier.
/// </summary>
public interface IAlertNotifier
{
    Task NotifyAsync(AlertNotice notice, CancellationToken cancellationToken);
}
