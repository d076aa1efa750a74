using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>Who may call the API and how much, section <c>Security</c> (the key ring path lives there too).</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// SHA-256 (hex) of an admin key to accept from the first start, e.g. <c>printf %s "$KEY" | sha256sum</c>. Stored as
    /// the key <c>bootstrap</c>; revoke it once real keys exist.
    /// </summary>
    [RegularExpression("^[0-9A-Fa-f]{64}$", ErrorMessage = "Security:BootstrapKeyHash must be 64 hex digits (a SHA-256).")]
    public string? BootstrapKeyHash { get; set; }

    /// <summary>Requests per <see cref="RateLimitWindow"/> per key (per address for callers without one). Default 600.</summary>
    [Range(1, int.MaxValue)]
    public int RateLimitPermits { get; set; } = 600;

    /// <summary>Default one minute.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body, in bytes; a larger one is answered 413. Default 10 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>How long a dashboard sign-in lasts without use. Default 8 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
