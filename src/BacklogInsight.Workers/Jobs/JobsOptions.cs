using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Workers.Jobs;

/// <summary>The background job engine (Hangfire). Section <c>Jobs</c>.</summary>
public sealed class JobsOptions : IValidatableObject
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// Where queued and recurring jobs are kept: empty (the default) follows <c>Storage:Provider</c>; <c>sqlite</c> (a file
    /// next to the data), <c>postgres</c> (the <c>hangfire</c> schema of <c>Storage:ConnectionString</c>; what lets many
    /// processes share the queue) or <c>memory</c> (lost on restart; for tests).
    /// </summary>
    [RegularExpression("^(sqlite|postgres|memory)?$", ErrorMessage = "Jobs:Storage must be 'sqlite', 'postgres', 'memory' or empty (follow Storage:Provider).")]
    public string? Storage { get; set; }

    /// <summary>The SQLite job store file; relative paths are under <c>Storage:DataDirectory</c>.</summary>
    public string SqliteFile { get; set; } = "hangfire.db";

    /// <summary>Runs job servers in this process (false: this process only enqueues). <c>serve --role api</c> sets it false.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Concurrent short jobs (queues <c>critical</c> and <c>default</c>: reports, reclassification, alerts) in this process.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Concurrent syncs (queue <c>sync</c>) in this process; separate from <see cref="WorkerCount"/> so a long sync never delays a report.</summary>
    [Range(1, 64)]
    public int SyncWorkerCount { get; set; } = 2;

    /// <summary>The queues this process works on: any of <c>critical</c>, <c>default</c>, <c>sync</c> (default: all three).</summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>How often an idle worker looks for new jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// PostgreSQL job store: how long a job fetched by a worker that stopped answering (killed, lost) stays invisible before
    /// another worker takes it. Live workers keep extending it, so it need not cover a long sync; keep it above
    /// <c>Sync:LeaseDuration</c> so the connection's lease has lapsed when the job is taken over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The effective queues: <see cref="Queues"/>, or all when none is given.</summary>
    public IReadOnlyList<string> EffectiveQueues => Queues.Count == 0 ? JobQueues.All : Queues.Select(q => q.Trim().ToLowerInvariant()).ToList();

    /// <summary>The effective job store for the data provider in use.</summary>
    public string EffectiveStorage(string storageProvider) =>
        string.IsNullOrWhiteSpace(Storage) ? storageProvider : Storage;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var queue in EffectiveQueues.Where(q => !JobQueues.All.Contains(q)))
        {
            yield return new ValidationResult(
                $"Jobs:Queues: unknown queue '{queue}'; use {string.Join(", ", JobQueues.All)}.", [nameof(Queues)]);
        }
    }
}
