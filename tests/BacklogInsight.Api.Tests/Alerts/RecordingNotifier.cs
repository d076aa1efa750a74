using System.Collections.Concurrent;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Workers.Alerts;

namespace BacklogInsight.Api.Tests.Alerts;

/// <summary>A notifier that keeps every notice it is handed, in order.</summary>
public sealed class RecordingNotifier : IAlertNotifier
{
    private readonly ConcurrentQueue<AlertNotice> _notices = new();

    public IReadOnlyList<AlertNotice> Notices => [.. _notices];

    public Task NotifyAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        _notices.Enqueue(notice);
        return Task.CompletedTask;
    }
}
