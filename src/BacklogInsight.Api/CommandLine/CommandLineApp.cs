using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Classification;
using Microsoft.Extensions.Options;
using Serilog;

namespace BacklogInsight.Api.CommandLine;

/// <summary>Dispatches the verb; every verb shares the same configuration and services.</summary>
public static class CommandLineApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        Log.Logger = LoggingSetup.CreateBootstrapLogger();
        try
        {
            var invocation = CommandLineInvocation.Parse(args);
            return invocation.Verb switch
            {
                "serve" => await ServeCommand.RunAsync(invocation),
                "sync" => await SyncCommand.RunAsync(invocation),
                "health" => await HealthCommand.RunAsync(invocation),
                "classify" => await ClassifyCommand.RunAsync(invocation),
                "evaluate" => await EvaluateCommand.RunAsync(invocation),
                "keys" => await KeysCommand.RunAsync(invocation),
                "help" => PrintUsage(Console.Out, 0),
                _ => throw new CommandLineException($"Unknown command '{invocation.Verb}'."),
            };
        }
        catch (CommandLineException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return PrintUsage(Console.Error, 2);
        }
        catch (Exception exception) when (exception is TaxonomyException or OptionsValidationException)
        {
            // Configuration mistakes: say what is wrong, without a stack trace.
            Log.Fatal("Start-up stopped: {Problem}", exception.Message);
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("""
            Usage: BacklogInsight.Api [command] [options] [--Section:Key=value ...]

              serve [--demo] [--urls URLS] [--role api|worker|all]
                                               Serve the API, dashboard and workers (the default command).
                                               --demo creates the sample connection if missing and syncs it.
                                               --role api: API and dashboards, jobs only enqueued; worker: the
                                               job servers (and /health); all (default): both.
              sync --connection NAME --once    Run one sync of a connection in the foreground and exit;
                                               exit code 1 when the sync fails.
              classify --input FILE [--output FILE]
                                               Classify JSONL activity records (the labelled-set schema); each
                                               gets predicted, confidence, rules, reasons. Bad lines are skipped.
              evaluate --input FILE            Precision, recall, F1 per class, macro-F1, confusion matrix and
                                               the worst errors of the classifier on labelled JSONL records.
              health [--url URL]               Ask a running service whether it is ready (exit 0 when it is);
                                               default URL http://127.0.0.1:8080/health.
              keys create --name NAME --scope read|admin
                                               Create an API key and print it (shown this once).
              keys list                        Every key: id, name, scope, prefix, created, last used, revoked.
              keys revoke ID                   Revoke a key; requests with it are refused at once.
              help                             Show this text.

            Any configuration key can be given as --Section:Key=value (see appsettings.sample.json).
            """);
        return exitCode;
    }
}
