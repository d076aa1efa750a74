using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace BacklogInsight.Benchmarks.Fakes;

/// <summary>
/// A fake served by a child process of this same benchmark binary in <see cref="FakeServeMode"/>: it prints its base
/// URL, then answers <c>counts</c>, <c>reset</c> and <c>exit</c> on its standard input and output. The child exits when
/// its input closes, so it ends with this process even if this one is killed.
/// </summary>
public sealed class ChildProcessScaleFake : IScaleFake
{
    private readonly Process _child;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private ChildProcessScaleFake(Process child, Uri baseUrl)
    {
        _child = child;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<ChildProcessScaleFake> StartAsync(FakeSpec spec)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Started as an app host, the binary is the process; started as `dotnet x.dll`, the host needs the assembly again.
        var processPath = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable is unknown.");
        start.FileName = processPath;
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in spec.ToArguments())
        {
            start.ArgumentList.Add(argument);
        }

        var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {processPath}.");
        try
        {
            var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2))
                ?? throw new InvalidOperationException($"The fake {spec.Kind} process exited before printing its URL (exit code {(child.HasExited ? child.ExitCode : -1)}).");
            return new ChildProcessScaleFake(child, new Uri(line));
        }
        catch
        {
            child.Kill(entireProcessTree: true);
            child.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync() =>
        JsonSerializer.Deserialize<Dictionary<string, long>>(await AskAsync(FakeServeMode.CountsCommand))
        ?? throw new InvalidOperationException("The fake process answered no counts.");

    public async Task ResetCountsAsync() => await AskAsync(FakeServeMode.ResetCommand);

    public TimeSpan? ProcessorTime()
    {
        _child.Refresh();
        return _child.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_child.HasExited)
            {
                await _child.StandardInput.WriteLineAsync(FakeServeMode.ExitCommand);
                await _child.StandardInput.FlushAsync();
                await _child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            // A child that cannot be told or does not listen is ended below.
        }
        finally
        {
            if (!_child.HasExited)
            {
                _child.Kill(entireProcessTree: true);
            }

            _child.Dispose();
            _gate.Dispose();
        }
    }

    /// <summary>Sends one command and returns the child's one-line answer.</summary>
    private async Task<string> AskAsync(string command)
    {
        await _gate.WaitAsync();
        try
        {
            await _child.StandardInput.WriteLineAsync(command);
            await _child.StandardInput.FlushAsync();
            return await _child.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"The fake process exited instead of answering '{command}'.");
        }
        finally
        {
            _gate.Release();
        }
    }
}
