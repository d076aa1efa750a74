using System.Text;
using System.Text.Json;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Reuses the strings that Azure DevOps repeats on every update and comment: field reference names, identity
/// names and ids, states, area and iteration paths. A page of updates names the same dozen fields and people
/// thousands of times; reading each occurrence into a fresh string was most of what a page allocated and kept.
/// A fixed table indexed by the UTF-8 bytes' hash: a miss replaces the slot, so the pool stays small and never grows.
/// </summary>
internal static class AdoStringPool
{
    /// <summary>Longer values (descriptions, comments, URLs) are rarely repeated: read as usual.</summary>
    public const int MaxPooledBytes = 96;

    private const int Slots = 4096;

    private static readonly Entry?[] Table = new Entry?[Slots];

    /// <summary>The current string token (or property name) of <paramref name="reader"/>, from the pool when it is short.</summary>
    public static string? Get(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxPooledBytes)
        {
            return reader.GetString();
        }

        return Get(reader.ValueSpan);
    }

    /// <summary>The string of these (unescaped) UTF-8 bytes.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Slots - 1);
        var entry = Volatile.Read(ref Table[slot]);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Value;
        }

        var value = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref Table[slot], new Entry(utf8.ToArray(), value));
        return value;
    }

    private sealed record Entry(byte[] Utf8, string Value);
}
