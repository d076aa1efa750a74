using System.Text.Json;
using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// What one delivery says, independent of the channel: stored with the delivery when it is created, so every attempt
/// sends the same words, then shaped per channel (Slack blocks, a Teams card, a signed JSON body, an e-mail).
/// </summary>
public sealed record NotificationMessage
{
    /// <summary><c>alert.opened</c>, <c>alert.resolved</c>, <c>alert.reminder</c>, <c>weekly-report</c> or <c>test</c>.</summary>
    public required string Event { get; init; }

    /// <summary>One line, e.g. "Opened: Team lacks an owner — Data Platform".</summary>
    public required string Title { get; init; }

    public required string Summary { get; init; }

    /// <summary>The evidence (alerts) or the teams needing attention (reports), one plain-words line each.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>Where to read more: absolute with <c>Notifications:PublicBaseUrl</c>, else a dashboard path.</summary>
    public string? Link { get; init; }

    /// <summary>Null for reports and tests.</summary>
    public AlertSeverity? Severity { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The alert notice itself, for receivers that process it (generic webhooks).</summary>
    public AlertNotice? Alert { get; init; }

    /// <summary>The stored report (organisation or team) as JSON, for webhooks and the e-mail rendering.</summary>
    public JsonElement? Report { get; init; }

    /// <summary>True when <see cref="Report"/> is a team's report, false for the organisation's.</summary>
    public bool IsTeamReport { get; init; }

    public bool HasAbsoluteLink => Link is not null && Uri.TryCreate(Link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
}
