namespace BacklogInsight.Domain.Classification;

/// <summary>How the actor of an activity relates to the work item (taxonomy §2(d)).</summary>
public enum ActorRelation
{
    /// <summary>A bot, integration, automation rule or configured service account.</summary>
    Bot = 0,

    /// <summary>The person the item is assigned to.</summary>
    Assignee = 1,

    /// <summary>The item's reporter or creator, who is not its assignee.</summary>
    Reporter = 2,

    /// <summary>Any other human.</summary>
    Other = 3,
}
