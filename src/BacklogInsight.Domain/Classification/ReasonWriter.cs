using System.Text;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>Turns the deciding rule and the signals into sentences a person understands.</summary>
internal static class ReasonWriter
{
    [ThreadStatic]
    private static StringBuilder? _cached;

    public static IReadOnlyList<string> Write(
        TaxonomyRule rule, ActivityContext context, in ActivityFacts facts, SignalLeans signals, ReadOnlySpan<int> matched, CueIndex cues)
    {
        var text = _cached ??= new StringBuilder(256);
        var count = 1 + (matched.Length > 0 ? 1 : 0) + (HasOverride(rule, signals) ? 1 : 0);
        var reasons = new string[count];
        var next = 0;

        Fill(text.Clear(), rule, context, facts.Actor);
        reasons[next++] = text.ToString();

        if (matched.Length > 0)
        {
            text.Clear().Append("Cues in the action's text: ");
            for (var i = 0; i < matched.Length; i++)
            {
                var phrase = cues.Phrases[matched[i]];
                text.Append(i == 0 ? "" : ", ").Append('\'').Append(phrase.Text).Append("' (").Append(Word(phrase.Set)).Append(')');
            }

            reasons[next++] = text.ToString();
        }

        if (next < count)
        {
            WriteOverridden(text.Clear().Append("Outweighed: "), rule, signals);
            reasons[next] = text.ToString();
        }

        return reasons;
    }

    /// <summary>The holes <paramref name="template"/> fills, found as <see cref="Fill"/> finds them.</summary>
    public static ReasonHoles HolesOf(string template)
    {
        var holes = ReasonHoles.None;
        var rest = template.AsSpan();
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            var close = open < 0 ? -1 : rest[open..].IndexOf('}');
            if (close < 0)
            {
                return holes;
            }

            holes |= rest.Slice(open + 1, close - 1) switch
            {
                "field" => ReasonHoles.Field,
                "type" => ReasonHoles.Type,
                "level" => ReasonHoles.Level,
                "actor" => ReasonHoles.Actor,
                "from" => ReasonHoles.From,
                "to" => ReasonHoles.To,
                _ => ReasonHoles.None,
            };
            rest = rest[(open + close + 1)..];
        }

        return holes;
    }

    /// <summary>Writes the rule's reason, filling its holes in one pass over the template.</summary>
    private static void Fill(StringBuilder text, TaxonomyRule rule, ActivityContext context, ActorRelation actor)
    {
        var template = rule.Reason.AsSpan();
        while (template.Length > 0)
        {
            var open = template.IndexOf('{');
            var close = open < 0 ? -1 : template[open..].IndexOf('}');
            if (close < 0)
            {
                text.Append(template);
                return;
            }

            text.Append(template[..open]);
            var hole = template.Slice(open + 1, close - 1);
            switch (hole)
            {
                case "field": text.Append(context.SourceField ?? context.Field.ToString()); break;
                case "type": text.Append(context.ItemType); break;
                case "level": text.Append(context.HierarchyLevel); break;
                case "actor": AppendActor(text, actor, context.ActorName); break;
                case "from": AppendQuoted(text, context.From); break;
                case "to": AppendQuoted(text, context.To); break;
                case "class": text.Append(Word(rule.Class)); break;
                default: text.Append(template.Slice(open, close + 1)); break;
            }

            template = template[(open + close + 1)..];
        }
    }

    private static bool HasOverride(TaxonomyRule rule, SignalLeans signals) =>
        Overrides(rule, RuleSignals.Level, signals.Level) || Overrides(rule, RuleSignals.Actor, signals.Actor) || Overrides(rule, RuleSignals.Text, signals.Text);

    private static bool Overrides(TaxonomyRule rule, RuleSignals signal, ActivityClass? lean) =>
        (rule.DecidedBy & signal) == 0 && lean is { } value && value != rule.Class;

    private static void WriteOverridden(StringBuilder text, TaxonomyRule rule, SignalLeans signals)
    {
        var separator = "";
        if (Overrides(rule, RuleSignals.Level, signals.Level))
        {
            text.Append("the item's level suggests ").Append(Word(signals.Level));
            separator = "; ";
        }

        if (Overrides(rule, RuleSignals.Actor, signals.Actor))
        {
            text.Append(separator).Append("who acted suggests ").Append(Word(signals.Actor!.Value));
            separator = "; ";
        }

        if (Overrides(rule, RuleSignals.Text, signals.Text))
        {
            text.Append(separator).Append("the text's cues suggest ").Append(Word(signals.Text!.Value));
        }
    }

    private static void AppendActor(StringBuilder text, ActorRelation relation, string? name)
    {
        switch (relation)
        {
            case ActorRelation.Bot when string.IsNullOrWhiteSpace(name): text.Append("an automation account"); break;
            case ActorRelation.Bot: text.Append("an automation account (").Append(name).Append(')'); break;
            case ActorRelation.Assignee: text.Append("its assignee"); break;
            case ActorRelation.Reporter: text.Append("its reporter, who is not its assignee"); break;
            default: text.Append("someone who is not its assignee"); break;
        }
    }

    private const int QuoteLength = 40;

    private static void AppendQuoted(StringBuilder text, string? value)
    {
        var line = value.AsSpan().Trim();
        if (line.IsEmpty)
        {
            text.Append("(empty)");
            return;
        }

        var cut = line.IndexOfAny('\r', '\n');
        var shown = cut >= 0 ? line[..cut].TrimEnd() : line;
        var truncated = shown.Length > QuoteLength || cut >= 0;
        text.Append('\'').Append(shown.Length > QuoteLength ? shown[..(QuoteLength - 1)] : shown).Append(truncated ? "…'" : "'");
    }

    private static string Word(ActivityClass value) => value switch
    {
        ActivityClass.Strategic => "strategic",
        ActivityClass.Tactical => "tactical",
        ActivityClass.Delivery => "delivery",
        _ => "other",
    };

    private static string Word(CueSet value) => value switch
    {
        CueSet.Strategic => "strategic",
        CueSet.Tactical => "tactical",
        CueSet.Delivery => "delivery",
        CueSet.Automation => "automation",
        CueSet.Restructure => "restructure",
        CueSet.Technical => "technical",
        CueSet.TestItem => "test item",
        CueSet.Split => "split",
        CueSet.Discovery => "discovery",
        _ => "duplicate link",
    };
}
