using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Sources.Jira;

/// <summary>Installation-wide settings of the Jira source (configuration section <c>Sources:Jira</c>).</summary>
public sealed class JiraOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Sources:Jira";

    /// <summary>
    /// Issues asked for per search request. Jira may return fewer; paging always advances by what came back.
    /// Defaults to 100.
    /// </summary>
    [Range(1, 5000)]
    public int SearchPageSize { get; set; } = 100;

    /// <summary>
    /// Issue ids asked for per request by the deletion sweep (ids and keys only; Jira serves up to 5000 this way, Data
    /// Center up to its instance limit). Defaults to 1000.
    /// </summary>
    [Range(1, 5000)]
    public int SweepPageSize { get; set; } = 1000;

    /// <summary>Change histories asked for per request when an issue's inline changelog was cut short. Defaults to 100.</summary>
    [Range(1, 1000)]
    public int ChangelogPageSize { get; set; } = 100;

    /// <summary>Comments asked for per request when an issue's inline comments were cut short. Defaults to 100.</summary>
    [Range(1, 1000)]
    public int CommentPageSize { get; set; } = 100;

    /// <summary>Boards, sprints and projects asked for per request during discovery. Defaults to 50.</summary>
    [Range(1, 1000)]
    public int DiscoveryPageSize { get; set; } = 50;

    /// <summary>
    /// How far before the last stored <c>updated</c> time an incremental read starts again. It covers the
    /// minute resolution of JQL dates, search-index lag and clock skew; what is re-read is skipped or
    /// de-duplicated. Defaults to 10 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IncrementalOverlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// On Data Center, how many issues of the previous page are read again when asking for the next one, so an
    /// issue that moves up the result list while paging (because another one was edited) is not skipped.
    /// Defaults to 2.
    /// </summary>
    [Range(0, 50)]
    public int DataCenterPageOverlap { get; set; } = 2;

    /// <summary>How long one HTTP attempt may take before it counts as timed out and is retried. Defaults to 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many requests run at once against one connection. Defaults to 2.</summary>
    [Range(1, 32)]
    public int MaxConcurrentRequestsPerConnection { get; set; } = 2;

    /// <summary>
    /// At most this many HTTP requests (retries included) per connection in any rolling hour; a sync that would
    /// go beyond stops with a clear error and resumes from its checkpoint next time. Defaults to 20,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int HourlyRequestBudget { get; set; } = 20_000;

    /// <summary>How often a request is retried after 429, 5xx or a timeout before the sync gives up. Defaults to 6.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>
    /// The first back-off delay when the server gives no <c>Retry-After</c>; it doubles per attempt, with jitter.
    /// Defaults to 2 seconds. A <c>Retry-After</c> from Jira is always honoured as given.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether discovery lists every user of the site (<c>users/search</c>) to learn who is a bot or deactivated.
    /// Project leads are always included. Defaults to true.
    /// </summary>
    public bool DiscoverAllUsers { get; set; } = true;
}
