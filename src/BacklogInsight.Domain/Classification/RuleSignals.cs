namespace BacklogInsight.Domain.Classification;

/// <summary>The independent signals of taxonomy §4; a rule names the ones it decides on, the rest adjust confidence.</summary>
[Flags]
public enum RuleSignals
{
    None = 0,

    /// <summary>The item's hierarchy level (portfolio → strategic, team → tactical, task → delivery).</summary>
    Level = 1,

    /// <summary>The actor's relation to the item (assignee → delivery, owner → tactical, portfolio reporter → strategic).</summary>
    Actor = 2,

    /// <summary>The strongest cue set in the action's own text.</summary>
    Text = 4,
}
