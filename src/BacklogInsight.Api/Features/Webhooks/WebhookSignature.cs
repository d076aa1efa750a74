using System.Security.Cryptography;
using System.Text;

namespace BacklogInsight.Api.Features.Webhooks;

/// <summary>
/// Checks that a delivery comes from whoever holds the connection's webhook secret: Jira Cloud admin webhooks
/// registered with a secret send <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>; Data Center
/// webhooks, which sign nothing, carry the secret in the URL's <c>secret</c> query parameter. Both are compared in
/// constant time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Hub-Signature";

    /// <summary>Null when the delivery is authentic; otherwise why not, in plain words.</summary>
    public static string? Problem(string secret, ReadOnlySpan<byte> body, string? signatureHeader, string? querySecret)
    {
        if (!string.IsNullOrEmpty(signatureHeader))
        {
            var separator = signatureHeader.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0 || !signatureHeader.AsSpan(0, separator).Equals("sha256", StringComparison.OrdinalIgnoreCase))
            {
                return $"The {Header} header is not of the form sha256=<hex>.";
            }

            byte[] given;
            try
            {
                given = Convert.FromHexString(signatureHeader.AsSpan(separator + 1).Trim());
            }
            catch (FormatException)
            {
                return $"The {Header} header is not of the form sha256=<hex>.";
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
            return CryptographicOperations.FixedTimeEquals(expected, given)
                ? null
                : $"The {Header} signature does not match the body: the secret registered in Jira differs from the connection's.";
        }

        if (!string.IsNullOrEmpty(querySecret))
        {
            // Hashing first makes the comparison independent of where the strings differ and of their lengths.
            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(querySecret));
            return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "The secret in the URL is not the connection's webhook secret.";
        }

        return $"The delivery is not signed: register the webhook with the connection's secret (Jira Cloud signs with {Header}) "
            + "or add ?secret=… to the webhook URL (Data Center).";
    }

    /// <summary>The hex HMAC-SHA256 signature header value of a body, as Jira computes it.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
