using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Workers.Alerts;

/// <summary>The thresholds of one evaluation: configured, organisation overrides, team overrides.</summary>
public sealed record AlertSettingsSnapshot(
    AlertThresholds Configured,
    AlertThresholdOverrides? OrganisationOverrides,
    IReadOnlyDictionary<long, AlertThresholdOverrides> TeamOverrides)
{
    public AlertThresholds Organisation => Configured.With(OrganisationOverrides);

    public AlertThresholds For(long teamId) => Organisation.With(TeamOverrides.GetValueOrDefault(teamId));
}
