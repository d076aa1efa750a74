using System.ComponentModel.DataAnnotations;

namespace BacklogInsight.Sources.Http;

/// <summary>
/// What the trackers' HTTP clients may reach. Section <c>Security:Outbound</c>. Connection URLs are typed in by users,
/// so by default only HTTPS to public addresses is allowed; the allow-lists open exactly what an installation needs
/// (an on-premises Jira on a private network, a test fake on loopback).
/// </summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Security:Outbound";

    /// <summary>Allow plain <c>http://</c> connection URLs (tokens then travel unencrypted). Default false.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Host names that may resolve to any address, including private and loopback ones: exact names
    /// (<c>jira.corp.example</c>) or a wildcard for subdomains (<c>*.corp.example</c>).
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = [];

    /// <summary>Networks in CIDR notation whose addresses may be reached although they are not public, e.g. <c>10.20.0.0/16</c>, <c>127.0.0.0/8</c>.</summary>
    public IList<string> AllowedNetworks { get; set; } = [];

    /// <summary>The largest response body read from a tracker, in bytes; a larger one fails the request. Default 64 MiB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxResponseBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many redirects to the same host a GET may follow; redirects to another host are never followed. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 3;
}
