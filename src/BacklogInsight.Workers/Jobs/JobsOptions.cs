using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Workers.Jobs;

/// <summary>The background job engine (Hangfire). Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// Where queued and recurring jobs are kept: <c>sqlite</c> (durable, a file next to the data; the default)
    /// or <c>memory</c> (lost on restart; for tests).
    /// </summary>
    [Required, RegularExpression("^(sqlite|memory)$", ErrorMessage = "Jobs:Storage must be 'sqlite' or 'memory'.")]
    public string Storage { get; set; } = "sqlite";

    /// <summary>The SQLite job store file; relative paths are under <c>Storage:DataDirectory</c>.</summary>
    public string SqliteFile { get; set; } = "hangfire.db";

    /// <summary>Runs a job server in this process (false: this process only enqueues).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Concurrent jobs in this process.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>How often an idle worker looks for new jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
