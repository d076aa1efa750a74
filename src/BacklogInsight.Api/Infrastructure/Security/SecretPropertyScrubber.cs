using Serilog.Core;
using Serilog.Events;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// Drops log properties that carry credentials. Framework loggers put request headers into their events' properties
/// even where the message text redacts them (the HTTP client's trace-level header logging does), and a JSON log
/// would then hold the token.
/// </summary>
public sealed class SecretPropertyScrubber : ILogEventEnricher
{
    private static readonly string[] Names = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var name in Names)
        {
            logEvent.RemovePropertyIfPresent(name);
        }
    }
}
