using BacklogInsight.Domain.Alerts;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Workers.Alerts;

/// <summary>The alert evaluation's log events.</summary>
public static partial class AlertLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Alerts evaluated for {Teams} teams and {Connections} connections: {Opened} opened, {Resolved} resolved, {Reminded} reminded, {StillOpen} open, {InsufficientData} findings with insufficient data")]
    public static partial void Evaluated(ILogger logger, int teams, int connections, int opened, int resolved, int reminded, int stillOpen, int insufficientData);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Notifier {Notifier} failed to take alert {AlertId} ({Transition})")]
    public static partial void NotifierFailed(ILogger logger, Exception exception, string notifier, long alertId, AlertTransition transition);
}
