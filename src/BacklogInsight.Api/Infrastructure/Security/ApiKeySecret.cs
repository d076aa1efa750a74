using System.Security.Cryptography;
using System.Text;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// API keys: 32 random bytes behind a <c>bik_</c> prefix. Only the SHA-256 of a key is stored: a key has far too much
/// entropy to be guessed from its hash, so no slow hash is needed.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "bik_";

    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of the key as upper-case hex, as stored (and as <c>Security:BootstrapKeyHash</c> takes it).</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a.ToUpperInvariant()), Encoding.ASCII.GetBytes(b.ToUpperInvariant()));

    /// <summary>The part of a key shown in lists: enough to tell keys apart, far too little to use one.</summary>
    public static string Visible(string key) => key.Length <= 12 ? "…" : key[..12];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
