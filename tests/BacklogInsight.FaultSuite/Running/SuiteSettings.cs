using System.Globalization;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>
/// The configuration every sync of the suite runs with, in-process or as the real executable: the product's code
/// paths with shorter clocks (a 2-second attempt timeout, 50 ms base back-off) so a storm costs seconds, not minutes.
/// </summary>
public static class SuiteSettings
{
    public const int JiraPageSize = 20;

    public static Dictionary<string, string?> For(string dataDirectory, bool verbose, string? connectionString = null)
    {
        var level = verbose ? "Warning" : "Fatal";
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Jobs:Storage"] = "memory",
            ["Jobs:RunServer"] = "false",
            ["Log:Format"] = "text",
            ["Serilog:MinimumLevel:Default"] = level,
            ["Organisation:TimeZone"] = "Europe/Berlin",
            ["Sources:Jira:SearchPageSize"] = JiraPageSize.ToString(CultureInfo.InvariantCulture),
            ["Sources:Jira:RequestTimeout"] = "00:00:02",
            ["Sources:Jira:RetryBaseDelay"] = "00:00:00.050",
            ["Sources:Jira:HourlyRequestBudget"] = "1000000",
            ["Sources:AzureDevOps:BatchSize"] = "25",
            ["Sources:AzureDevOps:UpdatesPageSize"] = "50",
            ["Sources:AzureDevOps:CommentsPageSize"] = "10",
            ["Sources:AzureDevOps:RequestTimeout"] = "00:00:02",
            ["Sources:AzureDevOps:RetryBaseDelay"] = "00:00:00.050",
            ["Sources:AzureDevOps:MaxRetryAfter"] = "00:00:05",
            ["Sources:AzureDevOps:LowRemainingPause"] = "00:00:00.200",
            ["Sources:AzureDevOps:HourlyRequestBudget"] = "1000000",

            // The fakes and the proxy answer plain http on loopback.
            ["Security:Outbound:AllowHttp"] = "true",
            ["Security:Outbound:AllowedNetworks:0"] = "127.0.0.0/8",
        };
        foreach (var category in new[] { "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.Http", "System.Net.Http.HttpClient", "Hangfire", "Polly" })
        {
            settings[$"Serilog:MinimumLevel:Override:{category}"] = level;
        }

        if (connectionString is not null)
        {
            settings["Storage:ConnectionString"] = connectionString;
        }

        return settings;
    }
}
