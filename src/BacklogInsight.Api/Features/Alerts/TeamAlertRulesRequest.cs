using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Api.Features.Alerts;

/// <summary>One team's overrides in <see cref="UpdateAlertRulesRequest"/>.</summary>
public sealed record TeamAlertRulesRequest(long? TeamId, AlertThresholdOverrides? Overrides);
