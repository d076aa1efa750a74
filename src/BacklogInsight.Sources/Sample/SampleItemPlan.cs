namespace BacklogInsight.Sources.Sample;

/// <summary>What happens to a team-level item after it is created and refined.</summary>
internal enum SampleItemPlan
{
    /// <summary>Planned into the sprint and delivered.</summary>
    Planned = 1,

    /// <summary>Pulled into a running sprint by the owner, then delivered.</summary>
    Late = 2,

    /// <summary>Planned, then taken out of the sprint again by the owner.</summary>
    Descoped = 3,

    /// <summary>Stays in the backlog.</summary>
    Backlog = 4,
}
