using System.Globalization;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>
/// The command line: <c>[--quick] [--seed N] [--runs N] [--only TEXT] [--verbose]</c>. The default run repeats each
/// scenario with three seeds; <c>--quick</c> runs each once on smaller sites.
/// </summary>
public sealed record SuiteOptions
{
    public bool Quick { get; init; }

    public int Seed { get; init; } = 20261128;

    public int Runs { get; init; } = 3;

    public string? Only { get; init; }

    public bool Verbose { get; init; }

    public int JiraIssues { get; init; } = 100;

    public int AzureDevOpsItems { get; init; } = 80;

    public static SuiteOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = new SuiteOptions
        {
            Quick = quick,
            Runs = quick ? 1 : 3,
            JiraIssues = quick ? 60 : 100,
            AzureDevOpsItems = quick ? 50 : 80,
            Verbose = args.Contains("--verbose"),
        };
        for (var i = 0; i < args.Length - 1; i++)
        {
            options = args[i] switch
            {
                "--seed" => options with { Seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--only" => options with { Only = args[i + 1] },
                _ => options,
            };
        }

        return options;
    }

    /// <summary>Kills cost a process start each: that scenario runs once (three kills at random points).</summary>
    public int RunsOf(Scenario scenario) => scenario.Kills > 0 ? 1 : Runs;
}
