namespace BacklogInsight.Domain.Model;

/// <summary>A tracker field in BacklogInsight's own vocabulary, whatever the source calls it.</summary>
public enum CanonicalField
{
    /// <summary>A field BacklogInsight does not interpret.</summary>
    Other = 0,
    Rank,
    Priority,
    Sprint,
    Estimate,
    Status,
    Description,
    AcceptanceCriteria,
    FixVersion,
    StartDate,
    TargetDate,
    Parent,
    Labels,
    Assignee,
    ValueArea,
    Title,
    RemainingWork,
    CompletedWork,
    Link,
    TimeSpent,
}
