using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Api.Features.Alerts;

/// <summary>One team's overrides and the thresholds in force for it.</summary>
public sealed record TeamAlertRulesResponse(long TeamId, string TeamName, AlertThresholdOverrides Overrides, AlertThresholds Effective);
