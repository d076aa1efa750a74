using System.Collections.Frozen;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// All cue phrases of a taxonomy, indexed by their first word so a text is scored in one pass over its words
/// with one hash look-up per word and no allocation.
/// </summary>
public sealed class CueIndex
{
    private readonly FrozenDictionary<string, CuePhrase[]> _byFirstWord;
    private readonly FrozenDictionary<string, CuePhrase[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="phrases">Every cue phrase, <see cref="CuePhrase.Id"/> being its index.</param>
    /// <param name="topicWeight">The most a cue repeated from the item's own words adds to an action's score.</param>
    public CueIndex(IReadOnlyList<CuePhrase> phrases, int topicWeight = 1)
    {
        Phrases = phrases;
        TopicWeight = topicWeight;
        _byFirstWord = phrases
            .GroupBy(p => FirstWord(p.Text), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Text.Length).ToArray(), StringComparer.Ordinal);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The most a cue repeated from the item's summary or description adds to an action's score.</summary>
    public int TopicWeight { get; }

    /// <summary>Every phrase, indexed by <see cref="CuePhrase.Id"/>.</summary>
    public IReadOnlyList<CuePhrase> Phrases { get; }

    /// <summary>How many <c>ulong</c>s a "seen" bit set needs.</summary>
    public int SeenWords => (Phrases.Count / 64) + 1;

    /// <summary>
    /// Adds the weights of the phrases found in <paramref name="normalized"/> (see <see cref="TextNormalizer"/>) to
    /// <paramref name="scores"/>, counting each phrase once per <paramref name="seen"/> set, and records the first
    /// matches in <paramref name="matched"/>. A phrase already in <paramref name="topic"/> (the item's own words) adds
    /// <see cref="TopicWeight"/> at most: repeating the item's subject is context, not substance.
    /// </summary>
    public void Score(
        ReadOnlySpan<char> normalized, ref CueScores scores, Span<ulong> seen, Span<int> matched, ref int matchedCount, ReadOnlySpan<ulong> topic = default)
    {
        var start = 0;
        while (start < normalized.Length)
        {
            var rest = normalized[start..];
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            if (_lookup.TryGetValue(word, out var candidates))
            {
                foreach (var phrase in candidates)
                {
                    if (Matches(rest, phrase.Text) && !IsSeen(seen, phrase.Id))
                    {
                        var inTopic = !topic.IsEmpty && (topic[phrase.Id >> 6] & (1UL << (phrase.Id & 63))) != 0;
                        scores[(int)phrase.Set] += inTopic ? Math.Min(phrase.Weight, TopicWeight) : phrase.Weight;
                        if (matchedCount < matched.Length)
                        {
                            matched[matchedCount++] = phrase.Id;
                        }
                    }
                }
            }

            if (end < 0)
            {
                break;
            }

            start += end + 1;
        }
    }

    private static bool Matches(ReadOnlySpan<char> rest, string phrase) =>
        rest.StartsWith(phrase, StringComparison.Ordinal) && (rest.Length == phrase.Length || rest[phrase.Length] == ' ');

    private static bool IsSeen(Span<ulong> seen, int id)
    {
        ref var word = ref seen[id >> 6];
        var bit = 1UL << (id & 63);
        if ((word & bit) != 0)
        {
            return true;
        }

        word |= bit;
        return false;
    }

    private static string FirstWord(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[..space];
    }
}
