using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>Every log event the host writes (Serilog reads sinks from the container), rendered with its properties.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Text => string.Join("\n", _lines);

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()} {properties} {logEvent.Exception}");
    }
}
