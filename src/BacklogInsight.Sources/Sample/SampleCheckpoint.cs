using System.Globalization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>
/// A position in the sample change stream: the last activity of a page, written as
/// <c>{OccurredAt in round-trip "O" format, UTC}|{SourceKey}</c>, e.g. <c>2026-11-20T10:00:00.0000000+00:00|h123-0</c>.
/// The stream is ordered by time, then by source key (ordinal), so the pair is a total position.
/// </summary>
internal readonly record struct SampleCheckpoint(DateTimeOffset OccurredAt, string SourceKey)
{
    public static SampleCheckpoint Of(Activity activity) => new(activity.OccurredAt, activity.SourceKey);

    public SyncCheckpoint ToSyncCheckpoint() =>
        new(string.Concat(OccurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), "|", SourceKey));

    /// <exception cref="FormatException">The value was not written by the sample source.</exception>
    public static SampleCheckpoint Parse(SyncCheckpoint checkpoint)
    {
        var value = checkpoint.Value;
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == value.Length - 1
            || !DateTimeOffset.TryParseExact(
                value.AsSpan(0, bar), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new FormatException(
                $"'{value}' is not a sample source checkpoint; expected '<ISO 8601 round-trip time>|<activity key>'.");
        }

        return new SampleCheckpoint(at, value[(bar + 1)..]);
    }

    /// <summary>Orders like the stream: by time, then by source key (ordinal).</summary>
    public int CompareTo(Activity activity)
    {
        var byTime = OccurredAt.CompareTo(activity.OccurredAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(SourceKey, activity.SourceKey);
    }
}
