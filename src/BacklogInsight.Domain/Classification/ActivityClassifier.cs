using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>
/// Gives an activity its class (taxonomy §1) by the first matching rule of the taxonomy (§3), with a confidence
/// computed as in §4 and reasons a person can follow. Pure, deterministic and thread-safe; it allocates only the result
/// (and what it keeps of the last item, per thread, of the actor names seen, and of the reasons written: answers that
/// depend on nothing else). Results with the same reasons share one read-only reasons list.
/// </summary>
public sealed class ActivityClassifier
{
    private const int TextBudget = 768;

    private readonly Taxonomy _taxonomy;
    private readonly TaxonomyRule[] _rules;
    private readonly RuleCandidates _candidates;
    private readonly ReasonCache _reasons;
    private readonly int _longestContentFree;
    private readonly FrozenSet<string> _serviceAccounts;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _contentFree;
    private readonly ConcurrentDictionary<string, bool> _automationNames = new(StringComparer.Ordinal);

    private const int MaxRememberedNames = 10_000;

    [ThreadStatic]
    private static ItemTopic? _lastItem;

    [ThreadStatic]
    private static LastAnswers? _lastAnswers;

    /// <param name="taxonomy">The rules; <see cref="TaxonomyLoader.Default"/> when null.</param>
    /// <param name="serviceAccounts">Display names of accounts that run automation under a human-looking name.</param>
    public ActivityClassifier(Taxonomy? taxonomy = null, IEnumerable<string>? serviceAccounts = null)
    {
        _taxonomy = taxonomy ?? TaxonomyLoader.Default;
        _serviceAccounts = (serviceAccounts ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _contentFree = _taxonomy.ContentFreeComments.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestContentFree = _taxonomy.ContentFreeComments.Count == 0 ? -1 : _taxonomy.ContentFreeComments.Max(c => c.Length);
        _rules = [.. _taxonomy.Rules];
        _candidates = new RuleCandidates(_rules);
        _reasons = new ReasonCache(_rules);
    }

    public string TaxonomyVersion => _taxonomy.Version;

    [SkipLocalsInit]
    public Model.Classification Classify(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Span<char> buffer = stackalloc char[TextBudget * 3];
        var seenWords = _taxonomy.Cues.SeenWords;
        Span<ulong> bits = seenWords <= 16 ? stackalloc ulong[32] : new ulong[seenWords * 2];
        bits = bits[..(seenWords * 2)];
        bits.Clear();
        var seen = bits[..seenWords];
        var topic = bits[seenWords..];
        Span<int> matched = stackalloc int[6];
        var answers = LastAnswersOfThisThread();
        var facts = Gather(context, answers, buffer, seen, topic, matched, out var matchedCount);
        foreach (var index in _candidates.For(context.Kind, context.Field, facts.Scope, facts.Actor))
        {
            var rule = _rules[index];
            if (RuleMatcher.Matches(rule, context, in facts))
            {
                return Decide(index, rule, context, in facts, matched[..matchedCount]);
            }
        }

        throw new InvalidOperationException("The taxonomy's last rule must match every activity.");
    }

    private LastAnswers LastAnswersOfThisThread()
    {
        var answers = _lastAnswers;
        if (answers is null || !ReferenceEquals(answers.Classifier, this))
        {
            answers = new LastAnswers(this);
            _lastAnswers = answers;
        }

        return answers;
    }

    private ActivityFacts Gather(
        ActivityContext context, LastAnswers answers, Span<char> buffer, Span<ulong> seen, Span<ulong> topic, Span<int> matched, out int matchedCount)
    {
        var facts = new ActivityFacts
        {
            Actor = RelationOf(context, answers),
            Scope = ScopeOf(context, answers),
            Started = IsStarted(context.Status, answers),
        };

        var actionBuffer = buffer[..TextBudget];
        var action = 0;
        if (context.Kind == ActivityKind.Created)
        {
            action = TextNormalizer.Append(context.Summary, actionBuffer, action);
            action = TextNormalizer.Append(context.Description, actionBuffer, action);
        }
        else
        {
            action = TextNormalizer.Append(context.Text, actionBuffer, action);
            if (context.Kind == ActivityKind.Linked)
            {
                action = TextNormalizer.Append(context.To, actionBuffer, action);
            }
        }

        // The item's own words first: a cue the action repeats from them is the item's topic, not the action's substance.
        // An item's activities come one after another with the same title and description: their score is kept.
        var none = 0;
        var last = _lastItem;
        if (last is not null && ReferenceEquals(last.Classifier, this) && ReferenceEquals(last.Summary, context.Summary)
            && ReferenceEquals(last.Description, context.Description) && last.Topic.Length == topic.Length)
        {
            facts.Item = last.Scores;
            last.Topic.CopyTo(topic);
        }
        else
        {
            var itemBuffer = buffer.Slice(TextBudget * 2, TextBudget);
            var item = TextNormalizer.Append(context.Summary, itemBuffer, 0);
            item = TextNormalizer.Append(context.Description, itemBuffer, item);
            _taxonomy.Cues.Score(itemBuffer[..item], ref facts.Item, topic, [], ref none);
            _lastItem = new ItemTopic(this, context.Summary, context.Description, facts.Item, topic.ToArray());
        }

        matchedCount = 0;
        ReadOnlySpan<ulong> repeated = context.Kind == ActivityKind.Created ? [] : topic;
        _taxonomy.Cues.Score(actionBuffer[..action], ref facts.Action, seen, matched, ref matchedCount, repeated);
        facts.HasText = action > 0;
        facts.ContentFree = IsContentFree(actionBuffer[..action]);

        if (context.Field is CanonicalField.Description or CanonicalField.AcceptanceCriteria or CanonicalField.Title or CanonicalField.Labels)
        {
            var valueBuffer = buffer.Slice(TextBudget, TextBudget);
            var value = TextNormalizer.Append(context.To, valueBuffer, 0);
            seen.Clear();
            _taxonomy.Cues.Score(valueBuffer[..value], ref facts.Value, seen, [], ref none);
        }

        return facts;
    }

    private bool IsStarted(string? status, LastAnswers answers)
    {
        if (status is null)
        {
            return false;
        }

        // An item's activities mostly share one status string: the answer for the last one is kept.
        if (!ReferenceEquals(status, answers.Status))
        {
            answers.Started = !_taxonomy.NotStartedStates.Contains(status.Trim());
            answers.Status = status;
        }

        return answers.Started;
    }

    private bool IsContentFree(ReadOnlySpan<char> normalized)
    {
        if (normalized.Length <= _longestContentFree && _contentFree.Contains(normalized))
        {
            return true;
        }

        // A text without any word of two or more letters ("+1", "!!!", an emoji) says nothing.
        var letters = 0;
        foreach (var c in normalized)
        {
            letters = char.IsLetter(c) ? letters + 1 : 0;
            if (letters >= 2)
            {
                return false;
            }
        }

        return true;
    }

    private ActorRelation RelationOf(ActivityContext context, LastAnswers answers)
    {
        if (context.IsBot || IsAutomationName(context.ActorName, answers))
        {
            return ActorRelation.Bot;
        }

        return context.IsAssignee ? ActorRelation.Assignee
            : context.IsReporter ? ActorRelation.Reporter
            : ActorRelation.Other;
    }

    private bool IsAutomationName(string? name, LastAnswers answers)
    {
        if (ReferenceEquals(name, answers.ActorName))
        {
            return answers.Automation;
        }

        var answer = IsAutomationName(name);
        answers.ActorName = name;
        answers.Automation = answer;
        return answer;
    }

    private bool IsAutomationName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        // A site has a few hundred actors and each acts thousands of times: the answer per name is kept.
        if (_automationNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var answer = LooksLikeAutomation(name);
        if (_automationNames.Count < MaxRememberedNames)
        {
            _automationNames.TryAdd(name, answer);
        }

        return answer;
    }

    private bool LooksLikeAutomation(string name)
    {
        if (_serviceAccounts.Contains(name.Trim()))
        {
            return true;
        }

        foreach (var bot in _taxonomy.BotNames)
        {
            if (name.StartsWith(bot, StringComparison.OrdinalIgnoreCase) && (name.Length == bot.Length || !char.IsLetterOrDigit(name[bot.Length])))
            {
                return true;
            }
        }

        foreach (var marker in _taxonomy.BotNameMarkers)
        {
            if (name.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private ItemScope ScopeOf(ActivityContext context, LastAnswers answers) =>
        context.HierarchyLevel >= 1 || IsPortfolioType(context.ItemType, answers) ? ItemScope.Portfolio
        : context.HierarchyLevel < 0 ? ItemScope.Task
        : ItemScope.Team;

    private bool IsPortfolioType(string itemType, LastAnswers answers)
    {
        if (!ReferenceEquals(itemType, answers.ItemType))
        {
            answers.Portfolio = _taxonomy.PortfolioItemTypes.Contains(itemType);
            answers.ItemType = itemType;
        }

        return answers.Portfolio;
    }

    private Model.Classification Decide(int ruleIndex, TaxonomyRule rule, ActivityContext context, in ActivityFacts facts, ReadOnlySpan<int> matched)
    {
        var signals = new SignalLeans(facts);
        var confidence = rule.Confidence ?? signals.Confidence(rule, _taxonomy.Confidence);
        return new Model.Classification
        {
            Class = rule.Class,
            Confidence = Math.Round(confidence, 2),
            RuleId = rule.Id,
            Reasons = _reasons.Get(ruleIndex, rule, context, in facts, signals, matched, _taxonomy.Cues),
            TaxonomyVersion = _taxonomy.Version,
        };
    }

    /// <summary>
    /// The last status, item type and actor name this thread looked up, with the answers: an item's activities come one
    /// after another and mostly share these strings, so a reference comparison replaces a case-insensitive look-up.
    /// </summary>
    private sealed class LastAnswers(ActivityClassifier classifier)
    {
        public ActivityClassifier Classifier { get; } = classifier;

        public string? Status { get; set; }

        public bool Started { get; set; }

        public string? ItemType { get; set; }

        public bool Portfolio { get; set; }

        public string? ActorName { get; set; }

        public bool Automation { get; set; }
    }

    /// <summary>The cue scores of one item's title and description, and the topic words they set.</summary>
    private sealed record ItemTopic(ActivityClassifier Classifier, string? Summary, string? Description, CueScores Scores, ulong[] Topic);
}
