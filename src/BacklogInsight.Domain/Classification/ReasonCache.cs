using System.Collections.Concurrent;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Keeps the reasons written for each combination of what they show: the rule, the values its template's holes take,
/// the cues found and the signals' leans. A sync repeats few combinations hundreds of thousands of times (a status
/// change by the assignee of a story), so most activities share a list already written instead of writing sentences.
/// The lists are read-only and equal, word for word, to what <see cref="ReasonWriter"/> writes.
/// </summary>
internal sealed class ReasonCache
{
    private const int MaxEntries = 20_000;

    // Longer from/to values are written, not kept: they are rarely repeated and would make long keys.
    private const int MaxKeptValueLength = 120;

    private const int CueIdBits = 10;
    private const int MaxKeptCues = 6;

    private readonly ReasonHoles[] _holes;
    private readonly ConcurrentDictionary<Key, IReadOnlyList<string>> _kept = new();
    private int _keptCount;

    public ReasonCache(TaxonomyRule[] rules)
    {
        _holes = Array.ConvertAll(rules, rule => ReasonWriter.HolesOf(rule.Reason));
    }

    public IReadOnlyList<string> Get(
        int ruleIndex, TaxonomyRule rule, ActivityContext context, in ActivityFacts facts, SignalLeans signals, ReadOnlySpan<int> matched, CueIndex cues)
    {
        if (!TryKey(ruleIndex, context, facts.Actor, signals, matched, out var key))
        {
            return ReasonWriter.Write(rule, context, in facts, signals, matched, cues);
        }

        if (_kept.TryGetValue(key, out var reasons))
        {
            return reasons;
        }

        reasons = ReasonWriter.Write(rule, context, in facts, signals, matched, cues);

        // ConcurrentDictionary.Count takes every lock: the entries are counted here instead (a few too many is harmless).
        if (Volatile.Read(ref _keptCount) < MaxEntries && _kept.TryAdd(key, reasons))
        {
            Interlocked.Increment(ref _keptCount);
        }

        return reasons;
    }

    private bool TryKey(int ruleIndex, ActivityContext context, ActorRelation actor, SignalLeans signals, ReadOnlySpan<int> matched, out Key key)
    {
        key = default;
        if (matched.Length > MaxKeptCues)
        {
            return false;
        }

        var cueKey = (ulong)matched.Length << (MaxKeptCues * CueIdBits);
        for (var i = 0; i < matched.Length; i++)
        {
            if ((uint)matched[i] >= 1u << CueIdBits)
            {
                return false;
            }

            cueKey |= (ulong)matched[i] << (i * CueIdBits);
        }

        var holes = _holes[ruleIndex];
        var from = (holes & ReasonHoles.From) != 0 ? context.From : null;
        var to = (holes & ReasonHoles.To) != 0 ? context.To : null;
        if (from?.Length > MaxKeptValueLength || to?.Length > MaxKeptValueLength)
        {
            return false;
        }

        var usesField = (holes & ReasonHoles.Field) != 0;
        var usesActor = (holes & ReasonHoles.Actor) != 0;
        key = new Key(
            ruleIndex,
            usesField ? context.SourceField : null,
            usesField ? context.Field : default,
            (holes & ReasonHoles.Type) != 0 ? context.ItemType : null,
            (holes & ReasonHoles.Level) != 0 ? context.HierarchyLevel : 0,
            usesActor ? actor : default,
            usesActor && actor == ActorRelation.Bot ? context.ActorName : null,
            from,
            to,
            cueKey,
            Leans(signals));
        return true;
    }

    private static int Leans(SignalLeans signals) =>
        (int)signals.Level | ((signals.Actor is { } actor ? (int)actor : 0) << 4) | ((signals.Text is { } text ? (int)text : 0) << 8);

    /// <summary>What the reasons show; equal keys give equal reasons.</summary>
    private readonly record struct Key(
        int Rule, string? SourceField, CanonicalField Field, string? ItemType, int Level, ActorRelation Actor, string? ActorName,
        string? From, string? To, ulong Cues, int Leans)
    {
        // The strings are short and few (field names, item types, states): their length and three characters tell them
        // apart well enough, for a fraction of a full string hash. Equality still compares them whole.
        public override int GetHashCode() => HashCode.Combine(
            HashCode.Combine(Rule, Field, Level, Actor, Cues, Leans),
            Sketch(SourceField), Sketch(ItemType), Sketch(ActorName), Sketch(From), Sketch(To));

        private static int Sketch(string? text) =>
            text is not { Length: > 0 } ? text is null ? -1 : 0
            : text.Length ^ (text[0] << 8) ^ (text[text.Length / 2] << 16) ^ (text[^1] << 24);
    }
}
