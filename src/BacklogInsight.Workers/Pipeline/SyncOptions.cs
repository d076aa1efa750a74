using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Workers.Pipeline;

/// <summary>How connections are synced. Section <c>Sync</c>.</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>Cron of the recurring sync of a connection that sets none (UTC). Default: every 15 minutes.</summary>
    [Required]
    public string DefaultCron { get; set; } = "*/15 * * * *";

    /// <summary>
    /// How long a sync holds its connection without storing a page. A process that dies mid-sync blocks the
    /// connection for at most this long; a page that takes longer than this to read loses the lease.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Cron (UTC) of the deletion sweep of connections whose source can list its ids: a cheap listing that marks deleted
    /// (or moved-out-of-scope) items and follows key changes. Default: every 6 hours, at 17 past.
    /// </summary>
    [Required]
    public string DeletionSweepCron { get; set; } = "17 */6 * * *";

    /// <summary>
    /// Items created this recently before a sweep started are never taken for deleted when the listing misses them: a
    /// tracker's search index lags behind its writes. Default: 15 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SweepIndexLag { get; set; } = TimeSpan.FromMinutes(15);
}
