using System.Text.Json;

namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>
/// <c>--serve-fake jira --issues N</c> or <c>--serve-fake azure-devops --items N</c>: the child side of
/// <see cref="ChildProcessScaleFake"/>. Builds the same deterministic site the parent asked for, serves it on loopback
/// with <c>CacheAnswers</c> on (each answer rendered once, then replayed), prints the base URL as one line, then reads
/// commands on standard input: <c>counts</c> prints the fake's counts as one JSON line, <c>reset</c> empties them (and
/// prints <c>ok</c>), <c>exit</c> or the end of the input stops it.
/// </summary>
public static class FakeServeMode
{
    public const string Switch = "--serve-fake";
    public const string CountsCommand = "counts";
    public const string ResetCommand = "reset";
    public const string ExitCommand = "exit";

    public static async Task<int> RunAsync(string[] args)
    {
        var spec = FakeSpec.FromArguments(args);
        await using var fake = await spec.ServeInProcessAsync(cacheAnswers: true);
        await Console.Out.WriteLineAsync(fake.BaseUrl.AbsoluteUri);
        await Console.Out.FlushAsync();
        while (await Console.In.ReadLineAsync() is { } command && command != ExitCommand)
        {
            switch (command)
            {
                case CountsCommand:
                    await Console.Out.WriteLineAsync(JsonSerializer.Serialize(await fake.CountsAsync()));
                    break;
                case ResetCommand:
                    await fake.ResetCountsAsync();
                    await Console.Out.WriteLineAsync("ok");
                    break;
                default:
                    await Console.Out.WriteLineAsync($"unknown command '{command}': {CountsCommand}, {ResetCommand} or {ExitCommand}");
                    break;
            }

            await Console.Out.FlushAsync();
        }

        return 0;
    }
}
