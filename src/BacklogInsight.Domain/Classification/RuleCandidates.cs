using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// The rules that can match an activity of one kind and field, on an item of one scope, by an actor of one relation, in
/// precedence order: a rule whose masks exclude that combination is skipped without being tested. Each list is built on
/// first use (at most a few thousand, each a few indexes); the answer per activity is then one array read.
/// </summary>
internal sealed class RuleCandidates
{
    private const int Kinds = 32;
    private const int Fields = 64;
    private const int Scopes = 3;
    private const int Actors = 4;

    private readonly TaxonomyRule[] _rules;
    private readonly int[] _all;
    private readonly int[]?[] _lists = new int[]?[Kinds * Fields * Scopes * Actors];

    public RuleCandidates(TaxonomyRule[] rules)
    {
        _rules = rules;
        _all = Enumerable.Range(0, rules.Length).ToArray();
    }

    /// <summary>Indexes into the rules of those the masks do not exclude; every rule when a value is out of the masks' range.</summary>
    public int[] For(ActivityKind kind, CanonicalField field, ItemScope scope, ActorRelation actor)
    {
        if ((uint)kind >= Kinds || (uint)field >= Fields || (uint)scope >= Scopes || (uint)actor >= Actors)
        {
            return _all;
        }

        var slot = ((((int)kind * Fields) + (int)field) * Scopes + (int)scope) * Actors + (int)actor;

        // Two threads may build the same list at once: both are equal, either one may stay.
        return _lists[slot] ??= Build(kind, field, scope, actor);
    }

    private int[] Build(ActivityKind kind, CanonicalField field, ItemScope scope, ActorRelation actor)
    {
        var candidates = new List<int>();
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            if ((rule.KindMask == 0 || (rule.KindMask & (1 << (int)kind)) != 0) &&
                (rule.FieldMask == 0 || (rule.FieldMask & (1L << (int)field)) != 0) &&
                (rule.ScopeMask == 0 || (rule.ScopeMask & (1 << (int)scope)) != 0) &&
                (rule.ActorMask == 0 || (rule.ActorMask & (1 << (int)actor)) != 0))
            {
                candidates.Add(i);
            }
        }

        return [.. candidates];
    }
}
