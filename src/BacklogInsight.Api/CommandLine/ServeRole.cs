namespace BacklogInsight.Api.CommandLine;

/// <summary>
/// What a <c>serve</c> process does in a cluster: <c>api</c> serves the API and the dashboards and only enqueues jobs;
/// <c>worker</c> runs the job servers (and answers health probes); <c>all</c> (the default) does both.
/// </summary>
public sealed record ServeRole(string Name, bool ServesApi, bool RunsJobs)
{
    public static readonly ServeRole All = new("all", ServesApi: true, RunsJobs: true);

    public static readonly ServeRole Api = new("api", ServesApi: true, RunsJobs: false);

    public static readonly ServeRole Worker = new("worker", ServesApi: false, RunsJobs: true);

    public static ServeRole Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "all" => All,
        "api" => Api,
        "worker" => Worker,
        _ => throw new CommandLineException($"--role must be api, worker or all, not '{value}'."),
    };
}
