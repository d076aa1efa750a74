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

    /// <summary>
    /// The current string token of <paramref name="reader"/> as a field value, shared when it is short: a value is
    /// immutable, and states, types and paths repeat on every update.
    /// </summary>
    public static AdoFieldValue GetFieldValue(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxPooledBytes)
        {
            return AdoFieldValue.FromString(reader.GetString());
        }

        var entry = EntryOf(reader.ValueSpan);
        return entry.FieldValue ??= AdoFieldValue.FromString(entry.Value);
    }

    /// <summary>The string of these (unescaped) UTF-8 bytes.</summary>
    public static string Get(ReadOnlySpan<byte> utf8) => EntryOf(utf8).Value;

    private static Entry EntryOf(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Slots - 1);
        var entry = Volatile.Read(ref Table[slot]);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            return entry;
        }

        entry = new Entry(utf8.ToArray(), Encoding.UTF8.GetString(utf8));
        Volatile.Write(ref Table[slot], entry);
        return entry;
    }

    private sealed class Entry(byte[] utf8, string value)
    {
        public byte[] Utf8 { get; } = utf8;

        public string Value { get; } = value;

        /// <summary>The value as a field value, made on first use (a race makes two equal ones, which is harmless).</summary>
        public AdoFieldValue? FieldValue { get; set; }
    }
}
