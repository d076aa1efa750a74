namespace BacklogInsight.Domain.Alerts;

/// <summary>What a rule concluded about one team or connection.</summary>
public enum FindingOutcome
{
    /// <summary>The condition holds: an alert is opened, or the open one kept fresh.</summary>
    Raised = 1,

    /// <summary>The condition does not hold: an open alert resolves.</summary>
    Clear = 2,

    /// <summary>No delivery work at all: a quiet team is not flagged, and an open alert resolves.</summary>
    Dormant = 3,

    /// <summary>Too little data to judge (role-taxonomy.md §4): never read as "absent"; an open alert is left as it is.</summary>
    InsufficientData = 4,
}
