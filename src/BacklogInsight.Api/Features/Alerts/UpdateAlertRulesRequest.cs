using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Api.Features.Alerts;

/// <summary>
/// Replaces the stored overrides: the organisation's, and every team's (a team not listed loses its overrides).
/// A value left out (null) keeps the level above.
/// </summary>
public sealed record UpdateAlertRulesRequest(AlertThresholdOverrides? Organisation, IReadOnlyList<TeamAlertRulesRequest>? Teams);
