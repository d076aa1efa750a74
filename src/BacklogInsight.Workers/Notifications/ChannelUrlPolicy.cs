using System.Net;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Which addresses a channel may post to: absolute https URLs, and with <see cref="NotificationsOptions.AllowLoopback"/>
/// also addresses on this machine over http. A first line only; it does not resolve names.
/// </summary>
public static class ChannelUrlPolicy
{
    /// <summary>Null when the URL is acceptable; otherwise why not, in words that never repeat the URL (it may be a secret).</summary>
    public static string? Check(string? url, bool allowLoopback)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "Give an absolute https URL, e.g. https://hooks.example.com/….";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The URL must not carry a user name or password.";
        }

        var loopback = IsLoopback(uri);
        if (loopback && !allowLoopback)
        {
            return "Addresses on this machine are not allowed (Notifications:AllowLoopback is off).";
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (loopback && uri.Scheme == Uri.UriSchemeHttp))
        {
            return null;
        }

        return "The URL must start with https://.";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
