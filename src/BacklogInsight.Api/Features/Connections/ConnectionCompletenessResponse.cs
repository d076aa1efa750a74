using System.Globalization;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>
/// Whether a connection's numbers can be trusted, or why not: when it last synced, what the syncs cost and retried,
/// how many changelogs were completed past the tracker's truncation, which fields are read and which are not, and how
/// many deleted and moved items were reconciled.
/// </summary>
public sealed record ConnectionCompletenessResponse
{
    public required Guid ConnectionId { get; init; }

    public required string Name { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset? LastSucceededAt { get; init; }

    public SyncRunResponse? LastRun { get; init; }

    /// <summary>The last deletion sweep (trigger <c>sweep</c>).</summary>
    public SyncRunResponse? LastSweep { get; init; }

    /// <summary>Runs recorded (syncs and sweeps), and how many failed.</summary>
    public int Runs { get; init; }

    public int FailedRuns { get; init; }

    /// <summary>HTTP requests over every run, retries included.</summary>
    public int Requests { get; init; }

    /// <summary>Requests retried after 429 (a rate-limit wait), 5xx or a timeout, over every run.</summary>
    public int Retries { get; init; }

    public int ChangelogsCompleted { get; init; }

    public int ItemsDeleted { get; init; }

    public int ItemsMoved { get; init; }

    public int ItemsRestored { get; init; }

    /// <summary>Work items stored and not deleted.</summary>
    public int WorkItems { get; init; }

    /// <summary>Work items marked deleted (kept, counted in no balance).</summary>
    public int DeletedWorkItems { get; init; }

    public IReadOnlyList<FieldUse> MappedFields { get; init; } = [];

    /// <summary>Fields whose changes are stored but not read as any canonical field (they classify as plain field changes).</summary>
    public IReadOnlyList<FieldUse> UnmappedFields { get; init; } = [];

    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>The completeness in sentences, most important first.</summary>
    public static IReadOnlyList<string> Describe(ConnectionCompletenessResponse c)
    {
        var messages = new List<string>();
        var culture = CultureInfo.InvariantCulture;
        messages.Add(c.LastSucceededAt is { } at
            ? string.Create(culture, $"Last successful sync: {at:yyyy-MM-dd HH:mm} UTC.")
            : "No sync has succeeded yet: the numbers are empty or partial.");
        if (c.LastRun is { Error: { } error } run && run.Status == Domain.Model.SyncRunStatus.Failed)
        {
            messages.Add("The last sync failed: " + error);
        }

        messages.Add(string.Create(culture, $"{c.WorkItems} items stored; {c.Requests} requests over {c.Runs} runs, {c.Retries} of them retries or rate-limit waits."));
        messages.Add(string.Create(culture, $"{c.ChangelogsCompleted} changelogs were longer than the first answer and were read to the end."));
        messages.Add(c.LastSweep is null
            ? "No deletion sweep has run yet: deleted or moved items may still be counted."
            : string.Create(culture, $"Deletion sweeps reconciled {c.ItemsDeleted} deleted, {c.ItemsMoved} moved and {c.ItemsRestored} restored items ({c.DeletedWorkItems} deleted now)."));
        messages.Add(c.UnmappedFields.Count == 0
            ? "Every changed field is read as a known field."
            : string.Create(culture, $"{c.UnmappedFields.Count} changed fields are not mapped to a known field, e.g. {string.Join(", ", c.UnmappedFields.Take(5).Select(f => f.SourceField))}."));
        return messages;
    }
}
