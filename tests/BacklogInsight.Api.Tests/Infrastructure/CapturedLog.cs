using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>
/// A Serilog sink that keeps every event as the JSON line a log shipper would see (message, properties, exception).
/// Registered as a service, the host's logger picks it up (<c>ReadFrom.Services</c>).
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly CompactJsonFormatter _formatter = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _formatter.Format(logEvent, writer);
        _lines.Enqueue(writer.ToString() + logEvent.RenderMessage() + logEvent.Exception);
    }
}
