namespace BacklogInsight.Domain.Classification;

/// <summary>Which text of an activity a cue condition reads; flags combine.</summary>
[Flags]
public enum TextScope
{
    None = 0,

    /// <summary>The action's own words: the comment, the worklog or change note, a link target, or a new item's summary and description.</summary>
    Action = 1,

    /// <summary>The new value of a content field (description, acceptance criteria, title, labels).</summary>
    Value = 2,

    /// <summary>The item's existing summary and description: context, weaker than the action's words.</summary>
    Item = 4,
}
