namespace BacklogInsight.Api.CommandLine;

/// <summary>
/// The verb, its flags and options, and everything else passed through to configuration
/// (<c>--Storage:DataDirectory=/x</c>, <c>--urls http://…</c>).
/// </summary>
public sealed record CommandLineInvocation(
    string Verb, IReadOnlySet<string> Flags, IReadOnlyDictionary<string, string> Options, string[] ConfigurationArgs)
{
    private static readonly HashSet<string> KnownFlags = ["--demo", "--once"];
    private static readonly HashSet<string> KnownOptions = ["--connection", "--url", "--input", "--output", "--name", "--scope", "--role"];

    public static CommandLineInvocation Parse(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            var arg = rest[i];
            if (KnownFlags.Contains(arg))
            {
                flags.Add(arg[2..]);
            }
            else if (KnownOptions.Contains(arg))
            {
                if (i + 1 >= rest.Length || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"{arg} needs a value.");
                }

                options[arg[2..]] = rest[++i];
            }
            else
            {
                configuration.Add(arg);
            }
        }

        return new CommandLineInvocation(verb, flags, options, configuration.ToArray());
    }

    public bool Has(string flag) => Flags.Contains(flag);

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}
