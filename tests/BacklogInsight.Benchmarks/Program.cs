using BacklogInsight.Benchmarks.Alerts;
using BacklogInsight.Benchmarks.AzureDevOps;
using BacklogInsight.Benchmarks.Balance;
using BacklogInsight.Benchmarks.Classification;
using BacklogInsight.Benchmarks.Cluster;
using BacklogInsight.Benchmarks.Fakes;
using BacklogInsight.Benchmarks.Jira;
using BacklogInsight.Benchmarks.Pipeline;
using BenchmarkDotNet.Running;

namespace BacklogInsight.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher, or a load scenario that needs a database or a fake site and prints its figures:
/// <c>--balance-scale</c> (role balance over a million activities) <c>--jira-scale</c> (a fake Jira site) or <c>--alerts-scale</c> (alert evaluation over 200 teams);
/// <c>--serve-fake</c> is the child process the Jira and Azure DevOps scale runs serve their fake from.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == FakeServeMode.Switch)
        {
            return await FakeServeMode.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == "--balance-scale")
        {
            return await BalanceScaleLoad.RunAsync(args);
        }

        if (args.Contains(ClusterScaleRun.Switch))
        {
            return await ClusterScaleRun.RunAsync(args);
        }

        if (args.Contains(AdoScaleRun.Switch))
        {
            return await AdoScaleRun.RunAsync(args);
        }

        if (args.Length > 0 && args[0] == AlertScaleLoad.Switch)
        {
            return await AlertScaleLoad.RunAsync(args);
        }

        if (args.Contains(JiraScaleRun.Switch))
        {
            return await JiraScaleRun.RunAsync(args);
        }

        if (args.Contains(PipelineScaleRun.Switch))
        {
            return await PipelineScaleRun.RunAsync(args);
        }

        if (args.Contains(ClassificationScaleRun.Switch))
        {
            return await ClassificationScaleRun.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
