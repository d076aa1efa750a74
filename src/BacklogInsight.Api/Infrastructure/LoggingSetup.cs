using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Templates;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>
/// Serilog, set up once: readable console lines by default, compact JSON when <c>Log:Format</c> is <c>json</c>.
/// Lines written inside a sync carry its connection and run ids.
/// </summary>
public static class LoggingSetup
{
    private const string TextTemplate =
        "[{@t:HH:mm:ss} {@l:u3}] {@m}" +
        "{#if ConnectionId is not null} (connection {ConnectionId}{#if RunId is not null}, run {RunId}{#end}){#end}\n{@x}";

    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration().WriteTo.Console(new ExpressionTemplate(TextTemplate)).CreateBootstrapLogger();

    public static IHostApplicationBuilder AddBacklogLogging(this IHostApplicationBuilder builder)
    {
        var formatter = SelectFormatter(builder.Configuration["Log:Format"]);
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<Security.SecretPropertyScrubber>()
            .WriteTo.Console(formatter));
        return builder;
    }

    private static ITextFormatter SelectFormatter(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "text" => new ExpressionTemplate(TextTemplate),
        "json" => new CompactJsonFormatter(),
        _ => throw new InvalidOperationException($"Log:Format must be 'text' or 'json', not '{format}'."),
    };
}
