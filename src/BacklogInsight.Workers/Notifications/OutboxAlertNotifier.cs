using BacklogInsight.Domain.Alerts;
using BacklogInsight.Workers.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// The durable <see cref="IAlertNotifier"/>: stores one delivery per routed channel (the outbox) and queues its job.
/// Works in a scope of its own, so it never saves the caller's pending changes.
/// </summary>
public sealed class OutboxAlertNotifier(IServiceScopeFactory scopes) : IAlertNotifier
{
    public async Task NotifyAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NotificationOutbox>().EnqueueAlertAsync(notice, cancellationToken);
    }
}
