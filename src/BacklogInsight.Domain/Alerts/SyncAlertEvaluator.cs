using System.Globalization;

namespace BacklogInsight.Domain.Alerts;

/// <summary>"Sync stale or failing": no successful sync in the stale factor times the schedule, or repeated failures.</summary>
public sealed class SyncAlertEvaluator(TimeZoneInfo zone)
{
    public AlertFinding Evaluate(SyncAlertInput connection, AlertThresholds limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(limits);
        var words = new AlertWording(zone, now);
        var allowed = connection.Schedule * limits.SyncStaleFactor;
        var reference = connection.LastSucceededAt ?? connection.CreatedAt;
        var stale = now - reference > allowed;
        var failuresInARow = connection.RecentRunsSucceeded.TakeWhile(succeeded => !succeeded).Count();
        var failing = failuresInARow >= limits.SyncFailuresInARow;
        var evidence = new List<string>
        {
            connection.LastSucceededAt is { } last
                ? $"Last successful sync: {words.DateAndAge(last)} at {TimeZoneInfo.ConvertTime(last, zone).ToString("HH:mm", CultureInfo.InvariantCulture)}."
                : $"No successful sync since the connection was created {words.DateAndAge(connection.CreatedAt)}.",
            $"Schedule: every {Describe(connection.Schedule)}; stale after {Describe(allowed)}.",
            $"Failed runs in a row: {failuresInARow} (failing from {limits.SyncFailuresInARow}).",
        };
        if (failuresInARow > 0 && connection.LastError is { } error)
        {
            evidence.Add($"Last error: {error}");
        }

        if (!stale && !failing)
        {
            return OwnerRules.Clear(AlertRule.SyncStale, $"Connection {connection.ConnectionName} syncs on schedule.", evidence);
        }

        return new AlertFinding
        {
            Rule = AlertRule.SyncStale,
            Outcome = FindingOutcome.Raised,
            Summary = stale
                ? $"Connection {connection.ConnectionName} is stale: no successful sync for {Describe(now - reference)}."
                : $"Connection {connection.ConnectionName} is failing: its last {failuresInARow} runs failed.",
            Evidence = evidence,
            Since = stale ? reference + allowed : now,
        };
    }

    private static string Describe(TimeSpan span) => span.TotalDays >= 2
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
        : span.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} minutes");
}
