using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>How pushed events are accepted. Section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// A delivery whose <c>timestamp</c> lies further than this from now is refused as a replay; a repeat of the same
    /// delivery inside it is acknowledged and ignored. Default: 30 minutes (Jira retries late deliveries for a while).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The largest body accepted, in bytes. Default: 4 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;
}
