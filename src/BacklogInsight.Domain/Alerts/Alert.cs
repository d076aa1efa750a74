namespace BacklogInsight.Domain.Alerts;

/// <summary>
/// One occurrence of a rule's condition for one team (or, for the sync rule, one connection), from open to resolved.
/// At most one alert per rule and subject is not resolved at a time.
/// </summary>
public sealed class Alert
{
    public long Id { get; init; }

    public required string RuleId { get; init; }

    /// <summary>The team for team rules; null for connection rules.</summary>
    public long? TeamId { get; init; }

    public Guid? ConnectionId { get; init; }

    /// <summary>What the alert is about, for the one-open-alert guarantee: <c>team:12</c> or <c>connection:{id}</c>.</summary>
    public required string SubjectKey { get; init; }

    public AlertSeverity Severity { get; set; }

    public AlertState State { get; set; } = AlertState.Open;

    /// <summary>When the condition began, as far as the data shows (e.g. the window's length after the last owner decision).</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>When the service first saw the condition and stored the alert; reminders count from here.</summary>
    public DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Why it resolved, in plain words (the finding that cleared it).</summary>
    public string? ResolvedReason { get; set; }

    public required string Summary { get; set; }

    public IReadOnlyList<string> Evidence { get; set; } = [];

    public DateTimeOffset LastEvaluatedAt { get; set; }

    public int ReminderCount { get; set; }

    public DateTimeOffset? LastRemindedAt { get; set; }

    public static string TeamSubject(long teamId) => $"team:{teamId}";

    public static string ConnectionSubject(Guid connectionId) => $"connection:{connectionId}";
}
