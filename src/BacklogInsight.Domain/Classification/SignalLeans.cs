using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Classification;

/// <summary>The class each independent signal of taxonomy §4 points to, or null when it points nowhere.</summary>
internal readonly struct SignalLeans
{
    public SignalLeans(in ActivityFacts facts)
    {
        Level = facts.Scope switch
        {
            ItemScope.Portfolio => ActivityClass.Strategic,
            ItemScope.Team => ActivityClass.Tactical,
            _ => ActivityClass.Delivery,
        };
        Actor = (facts.Actor, facts.Scope) switch
        {
            (ActorRelation.Bot, _) => ActivityClass.Other,
            (ActorRelation.Assignee or ActorRelation.Reporter, ItemScope.Portfolio) => ActivityClass.Strategic,
            (ActorRelation.Other, ItemScope.Portfolio) => null,
            (ActorRelation.Assignee, _) => ActivityClass.Delivery,
            _ => ActivityClass.Tactical,
        };
        Text = Strongest(facts.Action.Of(CueSet.Strategic), facts.Action.Of(CueSet.Tactical), facts.Action.Of(CueSet.Delivery));
    }

    public ActivityClass Level { get; }

    public ActivityClass? Actor { get; }

    public ActivityClass? Text { get; }

    /// <summary>Base, plus a step for each signal the rule did not decide on that agrees, minus one for each it overrode.</summary>
    public double Confidence(TaxonomyRule rule, ConfidenceSettings settings)
    {
        var confidence = settings.Base;
        confidence += Adjust(rule, RuleSignals.Level, Level, settings);
        confidence += Adjust(rule, RuleSignals.Actor, Actor, settings);
        confidence += Adjust(rule, RuleSignals.Text, Text, settings);
        confidence = Math.Clamp(confidence, settings.Min, settings.Max);
        return rule.MaxConfidence is { } ceiling ? Math.Min(confidence, ceiling) : confidence;
    }

    private static double Adjust(TaxonomyRule rule, RuleSignals signal, ActivityClass? lean, ConfidenceSettings settings) =>
        (rule.DecidedBy & signal) != 0 || lean is null ? 0
        : lean == rule.Class ? settings.Agree
        : -settings.Overridden;

    private static ActivityClass? Strongest(int strategic, int tactical, int delivery) =>
        strategic > tactical && strategic > delivery ? ActivityClass.Strategic
        : tactical > strategic && tactical > delivery ? ActivityClass.Tactical
        : delivery > strategic && delivery > tactical ? ActivityClass.Delivery
        : null;
}
