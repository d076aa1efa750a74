using System.Security.Cryptography;
using System.Text;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// The signature of a generic webhook: <c>sha256=</c> + lower-case hex of HMAC-SHA256(signing secret,
/// timestamp + "." + body), the timestamp being Unix seconds sent in <see cref="TimestampHeader"/>. Signing the
/// timestamp lets a receiver refuse replays of an old message.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-BacklogInsight-Signature";
    public const string TimestampHeader = "X-BacklogInsight-Timestamp";
    public const string EventHeader = "X-BacklogInsight-Event";
    public const string DeliveryHeader = "X-BacklogInsight-Delivery";
    public const string AttemptHeader = "X-BacklogInsight-Attempt";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static string Compute(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestamp, string body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
