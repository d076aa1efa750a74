namespace BacklogInsight.Domain.Alerts;

/// <summary>Stored threshold overrides: the organisation's (no team) or one team's.</summary>
public sealed class AlertRuleSetting
{
    public long Id { get; init; }

    /// <summary>Null for the organisation's overrides.</summary>
    public long? TeamId { get; init; }

    /// <summary><c>organisation</c> or <c>team:12</c>: one row per scope.</summary>
    public required string Scope { get; init; }

    public required AlertThresholdOverrides Overrides { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
