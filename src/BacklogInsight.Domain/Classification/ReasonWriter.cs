using System.Globalization;
using System.Text;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>Turns the deciding rule and the signals into sentences a person understands.</summary>
internal static class ReasonWriter
{
    public static IReadOnlyList<string> Write(
        TaxonomyRule rule, ActivityContext context, in ActivityFacts facts, SignalLeans signals, ReadOnlySpan<int> matched, CueIndex cues)
    {
        var reasons = new List<string>(3) { Fill(rule, context, facts) };
        if (matched.Length > 0)
        {
            var text = new StringBuilder("Cues in the action's text: ");
            for (var i = 0; i < matched.Length; i++)
            {
                var phrase = cues.Phrases[matched[i]];
                text.Append(i == 0 ? "" : ", ").Append('\'').Append(phrase.Text).Append("' (").Append(Word(phrase.Set)).Append(')');
            }

            reasons.Add(text.ToString());
        }

        var overridden = Overridden(rule, signals);
        if (overridden.Length > 0)
        {
            reasons.Add("Outweighed: " + overridden);
        }

        return reasons;
    }

    private static string Fill(TaxonomyRule rule, ActivityContext context, in ActivityFacts facts)
    {
        if (!rule.Reason.Contains('{', StringComparison.Ordinal))
        {
            return rule.Reason;
        }

        return new StringBuilder(rule.Reason)
            .Replace("{field}", context.SourceField ?? context.Field.ToString())
            .Replace("{type}", context.ItemType)
            .Replace("{level}", context.HierarchyLevel.ToString(CultureInfo.InvariantCulture))
            .Replace("{actor}", Actor(facts.Actor, context.ActorName))
            .Replace("{from}", Quote(context.From))
            .Replace("{to}", Quote(context.To))
            .Replace("{class}", Word(rule.Class))
            .ToString();
    }

    private static string Overridden(TaxonomyRule rule, SignalLeans signals)
    {
        var parts = new List<string>(3);
        if ((rule.DecidedBy & RuleSignals.Level) == 0 && signals.Level != rule.Class)
        {
            parts.Add($"the item's level suggests {Word(signals.Level)}");
        }

        if ((rule.DecidedBy & RuleSignals.Actor) == 0 && signals.Actor is { } actor && actor != rule.Class)
        {
            parts.Add($"who acted suggests {Word(actor)}");
        }

        if ((rule.DecidedBy & RuleSignals.Text) == 0 && signals.Text is { } text && text != rule.Class)
        {
            parts.Add($"the text's cues suggest {Word(text)}");
        }

        return string.Join("; ", parts);
    }

    private static string Actor(ActorRelation relation, string? name) => relation switch
    {
        ActorRelation.Bot => string.IsNullOrWhiteSpace(name) ? "an automation account" : $"an automation account ({name})",
        ActorRelation.Assignee => "its assignee",
        ActorRelation.Reporter => "its reporter, who is not its assignee",
        _ => "someone who is not its assignee",
    };

    private const int QuoteLength = 40;

    private static string Quote(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "(empty)";
        }

        var line = value.ReplaceLineEndings(" ").Trim();
        return line.Length <= QuoteLength ? $"'{line}'" : $"'{line[..(QuoteLength - 1)]}…'";
    }

    private static string Word(ActivityClass value) => value.ToString().ToLowerInvariant();

    private static string Word(CueSet value) => value.ToString().ToLowerInvariant();
}
