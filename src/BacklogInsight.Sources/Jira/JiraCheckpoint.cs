using System.Text.Json;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Jira;

/// <summary>
/// A position in the Jira change stream, stored as JSON:
/// <c>{"v":1,"updated":"2024-01-15T10:20:41.3Z","key":"PAY-398","seen":{"10198":1705314041300}}</c>.
/// <c>updated</c> is the high-water mark of <c>fields.updated</c> (UTC) over stored pages and <c>key</c> the last
/// issue stored. <c>seen</c> holds issue id → <c>updated</c> (epoch ms) for issues inside the overlap window, so a
/// resumed or repeated search that re-reads the window skips what was already stored and still emits issues the
/// search index surfaced late. <c>rescan</c>, when present, is where a crawl must be read again because issues moved
/// while it ran (see <see cref="Rescan"/>).
/// </summary>
internal sealed record JiraCheckpoint
{
    private const int MaxSeen = 5000;

    public int V { get; init; } = 1;

    public DateTimeOffset? Updated { get; init; }

    public string? Key { get; init; }

    public Dictionary<string, long> Seen { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Set when an issue already read was edited during the crawl: an edit moves the issue to the end of the
    /// <c>updated</c> order, so a page cursor counting positions may step over the issue that slid into its place.
    /// Issues updated from this instant on (<see cref="DateTimeOffset.MinValue"/>: all) are read again, and nothing
    /// is taken as stored from the high-water mark alone, until a pass over them sees no issue move.
    /// </summary>
    public DateTimeOffset? Rescan { get; init; }

    public static JiraCheckpoint Empty { get; } = new();

    /// <exception cref="FormatException">The value was not written by the Jira source.</exception>
    public static JiraCheckpoint Parse(SyncCheckpoint checkpoint)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<JiraCheckpoint>(checkpoint.Value, JiraJson.Options);
            if (parsed is { V: 1 })
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
        }

        throw new FormatException($"'{checkpoint.Value}' is not a Jira source checkpoint.");
    }

    /// <summary>True when this exact version of the issue was stored already, or lies before the overlap window.</summary>
    public bool Covers(JiraIssue issue, TimeSpan overlap) =>
        Updated is { } mark
        && ((Rescan is null && issue.Fields.Updated < mark - overlap)
            || (Seen.TryGetValue(issue.Id, out var ms) && ms == issue.Fields.Updated.ToUnixTimeMilliseconds()));

    /// <summary>Where the next search starts: the rescan point, else the high-water mark minus the overlap; null for everything.</summary>
    public DateTimeOffset? ReadFrom(TimeSpan overlap) => Rescan is { } rescan
        ? (rescan == DateTimeOffset.MinValue ? null : rescan - overlap)
        : Updated - overlap;

    /// <summary>The rescan point that covers a pass started from this checkpoint.</summary>
    public DateTimeOffset RescanStart() => Rescan ?? Updated ?? DateTimeOffset.MinValue;

    /// <summary>The checkpoint after storing <paramref name="issues"/> (in search order).</summary>
    public JiraCheckpoint Advance(IReadOnlyList<JiraIssue> issues, TimeSpan overlap)
    {
        if (issues.Count == 0)
        {
            return this;
        }

        var mark = issues.Max(i => i.Fields.Updated).ToUniversalTime();
        if (Updated is { } previous && previous > mark)
        {
            mark = previous;
        }

        var seen = new Dictionary<string, long>(Seen, StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            seen[issue.Id] = issue.Fields.Updated.ToUnixTimeMilliseconds();
        }

        var floor = (mark - overlap).ToUnixTimeMilliseconds();
        var kept = seen.Where(s => s.Value >= floor).OrderByDescending(s => s.Value).Take(MaxSeen);
        return new JiraCheckpoint
        {
            Updated = mark,
            Key = issues[^1].Key,
            Rescan = Rescan,
            Seen = new Dictionary<string, long>(kept.OrderBy(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal), StringComparer.Ordinal),
        };
    }

    public SyncCheckpoint ToSyncCheckpoint() => new(JsonSerializer.Serialize(this, JiraJson.Options));
}
