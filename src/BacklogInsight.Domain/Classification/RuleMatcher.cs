using System.Collections.Frozen;

namespace BacklogInsight.Domain.Classification;

/// <summary>Tests one rule's conditions against an activity; cheapest tests first, and no enumerator allocated.</summary>
internal static class RuleMatcher
{
    public static bool Matches(TaxonomyRule rule, ActivityContext context, in ActivityFacts facts)
    {
        if ((rule.KindMask != 0 && (rule.KindMask & (1 << (int)context.Kind)) == 0) ||
            (rule.FieldMask != 0 && (rule.FieldMask & (1L << (int)context.Field)) == 0) ||
            (rule.ScopeMask != 0 && (rule.ScopeMask & (1 << (int)facts.Scope)) == 0) ||
            (rule.ActorMask != 0 && (rule.ActorMask & (1 << (int)facts.Actor)) == 0) ||
            (rule.Started is { } started && started != facts.Started) ||
            (rule.HasText is { } hasText && hasText != facts.HasText) ||
            (rule.ContentFree is { } contentFree && contentFree != facts.ContentFree))
        {
            return false;
        }

        if ((rule.SourceFields is { } fields && (context.SourceField is null || !fields.Contains(context.SourceField))) ||
            (rule.ExceptSourceFields is { } except && context.SourceField is not null && except.Contains(context.SourceField)) ||
            (rule.ItemTypes is { } types && !types.Contains(context.ItemType)) ||
            (rule.From is { } from && !InAny(from, context.From)) ||
            (rule.To is { } to && !InAny(to, context.To)) ||
            (rule.Status is { } status && !InAny(status, context.Status)))
        {
            return false;
        }

        var cues = rule.Cues;
        for (var c = 0; c < cues.Count; c++)
        {
            var cue = cues[c];
            var score = facts.Score(cue.Set, cue.Scope);
            if (score < cue.Min || score > cue.Max)
            {
                return false;
            }

            var exceeds = cue.Exceeds;
            if (exceeds.Count > 0)
            {
                var others = 0;
                for (var e = 0; e < exceeds.Count; e++)
                {
                    others += facts.Score(exceeds[e], cue.Scope);
                }

                if (score < others + cue.By)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool InAny(IReadOnlyList<FrozenSet<string>> lists, string? state)
    {
        if (state is null)
        {
            return false;
        }

        for (var i = 0; i < lists.Count; i++)
        {
            if (lists[i].Contains(state))
            {
                return true;
            }
        }

        return false;
    }
}
