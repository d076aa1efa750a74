using BacklogInsight.FaultSuite.Faults;
using BacklogInsight.FaultSuite.Trackers;

namespace BacklogInsight.FaultSuite.Running;

/// <summary>One row of the suite: a fault against one tracker.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public required TrackerKind Tracker { get; init; }

    public Func<ScenarioContext, FaultPlan> Plan { get; init; } = context => new FaultPlan(context.Seed);

    /// <summary>The site changes during the crawl: a follow-up sync runs, and the clean run reads the changed site.</summary>
    public bool ChangesSite { get; init; }

    /// <summary>
    /// The fault may stop a run (a body that cannot be read, a lock beyond the busy timeout); such a run must say why
    /// in plain words and lose nothing, and the next run resumes. Otherwise every run must succeed.
    /// </summary>
    public bool MayFailRuns { get; init; }

    /// <summary>The sync runs as the real executable and is killed at random points this many times before it may finish.</summary>
    public int Kills { get; init; }

    /// <summary>A connection string replacing the default one (e.g. a shorter busy timeout), given the data folder.</summary>
    public Func<string, string>? ConnectionString { get; init; }

    public string Row => $"{Name} ({(Tracker == TrackerKind.Jira ? "Jira" : "Azure DevOps")})";
}
