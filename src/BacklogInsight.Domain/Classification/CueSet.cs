namespace BacklogInsight.Domain.Classification;

/// <summary>A named list of text cues in the taxonomy file.</summary>
public enum CueSet
{
    /// <summary>Market, customer, pricing, KPI and roadmap vocabulary (taxonomy §2(c)).</summary>
    Strategic = 0,

    /// <summary>Backlog, refinement, acceptance and sprint-scope vocabulary.</summary>
    Tactical = 1,

    /// <summary>Build, review, test and deployment vocabulary.</summary>
    Delivery = 2,

    /// <summary>Phrases that rules, integrations and migrations write.</summary>
    Automation = 3,

    /// <summary>Epic-level restructuring or closing with no outcome content (the P4 exception).</summary>
    Restructure = 4,

    /// <summary>Purely technical work (tech debt, upgrades, enablers).</summary>
    Technical = 5,

    /// <summary>Test, junk or throw-away items.</summary>
    TestItem = 6,

    /// <summary>Splitting or slicing work.</summary>
    Split = 7,

    /// <summary>Duplicate and clone links, which are housekeeping.</summary>
    DuplicateLink = 8,

    /// <summary>Discovery activities (interviews, surveys, research, teardowns) that a worklog can be spent on.</summary>
    Discovery = 9,
}
