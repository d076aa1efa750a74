namespace BacklogInsight.Domain.Model;

/// <summary>
/// A person's correction of one activity's class. Append-only: the latest override of an activity wins over the
/// classifier and survives reclassification; earlier ones stay as the audit trail.
/// </summary>
public sealed class ClassOverride
{
    public long Id { get; init; }

    public long ActivityId { get; init; }

    public required ActivityClass Class { get; init; }

    /// <summary>The class the activity had before this correction.</summary>
    public ActivityClass? PreviousClass { get; init; }

    public string? PreviousRuleId { get; init; }

    public required string Reason { get; init; }

    /// <summary>Who corrected it.</summary>
    public required string By { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The rule id that marks an activity's classification as a person's override.</summary>
    public const string RuleId = "override";
}
