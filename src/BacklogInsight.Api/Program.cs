using BacklogInsight.Api.CommandLine;

// One executable, several verbs: `serve` (the default) runs the API, the dashboard and the workers;
// `sync` runs one sync in the foreground. See README.md § Command line.
return await CommandLineApp.RunAsync(args);

/// <summary>The entry point; public so that tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
