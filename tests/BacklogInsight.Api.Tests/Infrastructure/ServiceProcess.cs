using System.Diagnostics;
using System.Text;

namespace BacklogInsight.Api.Tests.Infrastructure;

/// <summary>The real executable in its own process, as an operator runs it.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id (what the service writes into its lease holder name).</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public static ServiceProcess Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "BacklogInsight.Api.dll"));
        var argumentList = arguments.ToList();
        foreach (var argument in argumentList)
        {
            start.ArgumentList.Add(argument);
        }

        // On PostgreSQL runs the data folder's database goes in through the environment, which explicit arguments override.
        if (DataDirectoryIn(argumentList) is { } dataDirectory)
        {
            foreach (var (key, value) in TestDatabase.SettingsFor(dataDirectory))
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public static async Task<ServiceProcess> RunToEndAsync(IEnumerable<string> arguments)
    {
        var service = Start(arguments);
        await service.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return service;
    }

    public async Task WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what is not committed is lost.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private static string? DataDirectoryIn(List<string> arguments)
    {
        const string Key = "--Storage:DataDirectory";
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].StartsWith(Key + "=", StringComparison.OrdinalIgnoreCase))
            {
                return arguments[i][(Key.Length + 1)..];
            }

            if (string.Equals(arguments[i], Key, StringComparison.OrdinalIgnoreCase) && i + 1 < arguments.Count)
            {
                return arguments[i + 1];
            }
        }

        return null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
