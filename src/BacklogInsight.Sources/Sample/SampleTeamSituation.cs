namespace BacklogInsight.Sources.Sample;

/// <summary>The ownership situation a generated team demonstrates.</summary>
public enum SampleTeamSituation
{
    /// <summary>A distinct Product Manager (strategic) and Product Owner (tactical), both active.</summary>
    Healthy = 1,

    /// <summary>One person does both the Product Manager and the Product Owner work.</summary>
    CombinedRole = 2,

    /// <summary>The owner's account was deactivated six weeks before the anchor; only developers and the bot act since.</summary>
    OwnerDeactivated = 3,

    /// <summary>An active Product Owner, but no strategic work in the last fourteen weeks.</summary>
    NoStrategy = 4,
}
