using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Benchmarks.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BacklogInsight.Benchmarks;

/// <summary>
/// The host the scale runs drive: the service's own composition (storage in a throwaway folder, classification, the
/// sync pipeline), jobs in memory and not run, quiet logs, no request budget in the way and loopback fakes allowed.
/// Plus the small argument and load helpers every run prints with.
/// </summary>
public static class ScaleHost
{
    public static IHost Build(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Jobs:Storage"] = "memory",
            ["Jobs:RunServer"] = "false",
            ["Log:Format"] = "text",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Polly"] = "Warning",
            ["Organisation:TimeZone"] = "Europe/Berlin",
            ["Sources:Jira:HourlyRequestBudget"] = "1000000",
            ["Sources:AzureDevOps:HourlyRequestBudget"] = "1000000",
            ["Security:Outbound:AllowHttp"] = "true",
            ["Security:Outbound:AllowedNetworks:0"] = "127.0.0.0/8",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddBacklogCore(scheduleRecurringJobs: false);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>The value after <paramref name="name"/> in the arguments, if any.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary><c>--fake in-process</c>, or <c>--fake child-process</c> (the default): where the Jira and Azure DevOps runs serve their fake.</summary>
    public static FakePlacement Placement(string[] args) => Option(args, "--fake") switch
    {
        null or "child-process" => FakePlacement.ChildProcess,
        "in-process" => FakePlacement.InProcess,
        var other => throw new ArgumentException($"--fake {other}: child-process or in-process."),
    };

    /// <summary>The 1, 5 and 15 minute load averages (Linux): on a shared machine, the figures mean little without them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
