using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace BacklogInsight.Api.Infrastructure;

/// <summary>
/// An opaque keyset cursor: the sort key of the last row returned. Clients pass it back unchanged; anything else
/// is rejected rather than guessed at.
/// </summary>
public static class Cursor
{
    private const string Prefix = "k1:";

    public static string Encode(long key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + key.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long key)
    {
        key = 0;
        if (cursor is null)
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out key);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
