using BacklogInsight.Benchmarks.Balance;
using BenchmarkDotNet.Running;

// Load scenarios that need a database are plain programs that print their figures; the rest is BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--balance-scale")
{
    return await BalanceScaleLoad.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
