using BacklogInsight.Benchmarks.Jira;
using BenchmarkDotNet.Running;

namespace BacklogInsight.Benchmarks;

/// <summary>BenchmarkDotNet's switcher, or the Jira scale run with <c>--jira-scale</c>.</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains(JiraScaleRun.Switch))
        {
            return await JiraScaleRun.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
