namespace BacklogInsight.Domain.Classification;

/// <summary>What the classifier derived from one <see cref="ActivityContext"/> before running the rules.</summary>
internal struct ActivityFacts
{
    public ActorRelation Actor;
    public ItemScope Scope;
    public bool Started;
    public bool HasText;
    public bool ContentFree;

    /// <summary>Cue scores of the action's own words.</summary>
    public CueScores Action;

    /// <summary>Cue scores of the new value of a content field.</summary>
    public CueScores Value;

    /// <summary>Cue scores of the item's summary and description.</summary>
    public CueScores Item;

    public readonly int Score(CueSet set, TextScope scope)
    {
        var score = 0;
        if ((scope & TextScope.Action) != 0)
        {
            score += Action.Of(set);
        }

        if ((scope & TextScope.Value) != 0)
        {
            score += Value.Of(set);
        }

        if ((scope & TextScope.Item) != 0)
        {
            score += Item.Of(set);
        }

        return score;
    }
}
