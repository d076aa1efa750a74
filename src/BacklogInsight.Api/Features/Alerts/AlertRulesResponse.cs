using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Api.Features.Alerts;

/// <summary>
/// The rules and their thresholds: configured (<c>Alerts:Rules</c>), the organisation's stored overrides and what is in
/// force, and each team's overrides with what is in force for it.
/// </summary>
public sealed record AlertRulesResponse(
    IReadOnlyList<AlertRule> Rules,
    int ReminderAfterDays,
    AlertThresholds Configured,
    AlertThresholdOverrides Organisation,
    AlertThresholds OrganisationEffective,
    IReadOnlyList<TeamAlertRulesResponse> Teams);
