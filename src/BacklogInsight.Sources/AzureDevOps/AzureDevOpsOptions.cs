using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Installation-wide settings of the Azure DevOps source (configuration section <c>Sources:AzureDevOps</c>).</summary>
public sealed class AzureDevOpsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Sources:AzureDevOps";

    /// <summary>
    /// The <c>$top</c> sent with each WIQL query. A query matching more than the server's cap (20,000 on Services)
    /// fails with VS402337 and its ChangedDate window is halved; when exactly this many ids come back the next
    /// query continues from the last stored ChangedDate. Defaults to 19,999.
    /// </summary>
    [Range(1, 100_000)]
    public int WiqlTop { get; set; } = 19_999;

    /// <summary>Ids per <c>workitemsbatch</c> request, which is also the page size of the change stream. At most 200 (the API's limit).</summary>
    [Range(1, 200)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Updates asked for per request (<c>$top</c> of <c>workItems/{id}/updates</c>). Defaults to 200.</summary>
    [Range(1, 1000)]
    public int UpdatesPageSize { get; set; } = 200;

    /// <summary>Comments asked for per request (<c>$top</c> of <c>workItems/{id}/comments</c>). Defaults to 200.</summary>
    [Range(1, 200)]
    public int CommentsPageSize { get; set; } = 200;

    /// <summary>Teams and members asked for per request during discovery (<c>$top</c>). Defaults to 100.</summary>
    [Range(1, 1000)]
    public int DiscoveryPageSize { get; set; } = 100;

    /// <summary>
    /// Where the first read starts: only work items changed on or after this instant are read. Defaults to
    /// 2000-01-01 (everything).
    /// </summary>
    public DateTimeOffset InitialChangedSince { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long one HTTP attempt may take before it counts as timed out and is retried. Defaults to 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many requests run at once against one organisation or collection. Defaults to 2.</summary>
    [Range(1, 32)]
    public int MaxConcurrentRequestsPerConnection { get; set; } = 2;

    /// <summary>
    /// At most this many HTTP requests (retries included) per connection in any rolling hour; a sync that would
    /// go beyond stops with a clear error and resumes from its checkpoint next time. Defaults to 10,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int HourlyRequestBudget { get; set; } = 10_000;

    /// <summary>How often a request is retried after 429, 5xx or a timeout before the sync gives up. Defaults to 6.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first back-off delay when no <c>Retry-After</c> is given; it doubles per attempt, with jitter. Defaults to 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest wait a <c>Retry-After</c> may impose (on a 429 before the retry, on a delayed 200 before the next
    /// request). Defaults to 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When <c>X-RateLimit-Remaining</c> falls below this share of <c>X-RateLimit-Limit</c>, requests slow down
    /// before Azure DevOps starts delaying or blocking them. Defaults to 0.1.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LowRemainingShare { get; set; } = 0.1;

    /// <summary>The pause before each request while the remaining rate-limit share is low. Defaults to 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan LowRemainingPause { get; set; } = TimeSpan.FromSeconds(2);
}
