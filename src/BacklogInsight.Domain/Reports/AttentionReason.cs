namespace BacklogInsight.Domain.Reports;

/// <summary>Why a team needs attention, most urgent first: the order of the values is the order of the report.</summary>
public enum AttentionReason
{
    /// <summary>Delivery carried on all week and nobody did owner (tactical) work: the team is building unsteered.</summary>
    NoOwnerWorkWhileDelivering = 1,

    /// <summary>No strategic work on the team's backlog in the whole trend window while delivery continues.</summary>
    NoStrategicWork = 2,

    /// <summary>Owner work was under the thin-ownership ratio of delivery (role-taxonomy.md §5).</summary>
    ThinOwnership = 3,

    /// <summary>The balance fell against the previous weeks by more than the trend threshold.</summary>
    FallingBalance = 4,
}
