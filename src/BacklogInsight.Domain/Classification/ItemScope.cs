namespace BacklogInsight.Domain.Classification;

/// <summary>Where an item sits in the hierarchy, as the taxonomy's level rules see it (taxonomy §2(b)).</summary>
public enum ItemScope
{
    /// <summary>Level -1 or below: sub-tasks and ADO tasks.</summary>
    Task = 0,

    /// <summary>Level 0: stories, PBIs, bugs, Jira tasks.</summary>
    Team = 1,

    /// <summary>Level 1 or above, or a portfolio item type such as a Jira Product Discovery Idea.</summary>
    Portfolio = 2,
}
