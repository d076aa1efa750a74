using System.Globalization;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// The WIQL of the change stream: ids of work items changed in a <c>System.ChangedDate</c> window, oldest change
/// first. Literals are UTC with milliseconds, so the query is sent with <c>timePrecision=true</c>.
/// </summary>
internal static class AzureDevOpsWiql
{
    /// <summary>
    /// Items of <paramref name="project"/> (every project when null) changed at or after <paramref name="from"/> and
    /// before <paramref name="until"/> (open when null), except <paramref name="storedAtFrom"/>, the ids already stored
    /// at exactly <paramref name="from"/> and not changed since.
    /// </summary>
    public static string ChangedBetween(string? project, DateTimeOffset from, DateTimeOffset? until, IReadOnlyList<int> storedAtFrom)
    {
        var where = new List<string>();
        if (project is not null)
        {
            where.Add("[System.TeamProject] = @project");
        }

        where.Add($"[System.ChangedDate] >= '{Literal(from)}'");
        if (until is { } end)
        {
            where.Add($"[System.ChangedDate] < '{Literal(end)}'");
        }

        if (storedAtFrom.Count is > 0 and <= AzureDevOpsCheckpoint.MaxIds)
        {
            // Milliseconds are the finest a literal carries: a later change of a stored item is at least 1 ms later.
            var ids = string.Join(", ", storedAtFrom.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            where.Add($"([System.Id] NOT IN ({ids}) OR [System.ChangedDate] > '{Literal(from)}')");
        }

        return $"SELECT [System.Id] FROM WorkItems WHERE {string.Join(" AND ", where)} ORDER BY [System.ChangedDate] ASC, [System.Id] ASC";
    }

    /// <summary>A UTC literal with milliseconds, rounded down so a window never starts after an item it should hold.</summary>
    public static string Literal(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var truncated = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return truncated.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The ids of <paramref name="project"/> (every project when null) above <paramref name="after"/> and up to <paramref name="upTo"/>, in id order.</summary>
    public static string IdsAfter(string? project, long after, long? upTo)
    {
        var where = new List<string>();
        if (project is not null)
        {
            where.Add("[System.TeamProject] = @project");
        }

        where.Add(string.Create(CultureInfo.InvariantCulture, $"[System.Id] > {after}"));
        if (upTo is { } end)
        {
            where.Add(string.Create(CultureInfo.InvariantCulture, $"[System.Id] <= {end}"));
        }

        return $"SELECT [System.Id] FROM WorkItems WHERE {string.Join(" AND ", where)} ORDER BY [System.Id] ASC";
    }
}
