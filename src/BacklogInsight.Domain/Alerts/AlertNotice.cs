namespace BacklogInsight.Domain.Alerts;

/// <summary>
/// One message about one alert's transition, as the notification channels receive it: everything a lead needs
/// to read it without opening the product, plus the path of the team's dashboard page.
/// </summary>
/// <param name="AlertId">The stored alert's id.</param>
/// <param name="RuleId">The rule that raised it, e.g. <c>team-lacks-owner</c>.</param>
/// <param name="RuleTitle">The rule's title in plain words.</param>
/// <param name="Severity">How urgent the alert is.</param>
/// <param name="Transition">What happened to the alert (raised, reminded, resolved).</param>
/// <param name="Sequence">Distinguishes repeated transitions of the same kind (the n-th reminder); 0 otherwise.</param>
/// <param name="TeamId">The team the alert is about, if any.</param>
/// <param name="TeamName">The team's name, if any.</param>
/// <param name="ConnectionId">The connection the team belongs to, if any.</param>
/// <param name="Summary">One sentence saying what is wrong.</param>
/// <param name="Evidence">Plain-words lines: last owner activity (who, what, when) and the numbers that tripped the rule.</param>
/// <param name="DashboardPath">Relative link to the team's dashboard page, e.g. <c>/#/teams/12</c>.</param>
/// <param name="OccurredAt">When the transition happened (UTC).</param>
public sealed record AlertNotice(
    long AlertId,
    string RuleId,
    string RuleTitle,
    AlertSeverity Severity,
    AlertTransition Transition,
    int Sequence,
    long? TeamId,
    string? TeamName,
    Guid? ConnectionId,
    string Summary,
    IReadOnlyList<string> Evidence,
    string DashboardPath,
    DateTimeOffset OccurredAt)
{
    /// <summary>Stable per alert and transition: a receiver that sees it twice has seen one message.</summary>
    public string IdempotencyKey => $"alert-{AlertId}-{Transition.ToString().ToLowerInvariant()}-{Sequence}";
}
