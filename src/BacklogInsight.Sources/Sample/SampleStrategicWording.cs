namespace BacklogInsight.Sources.Sample;

/// <summary>Phrase banks for product-management (strategic) texts: research, competitors, pricing, KPIs, roadmap.</summary>
internal static class SampleStrategicWording
{
    public static readonly string[] FixVersions = ["2026.Q3", "2026.Q4", "2027.Q1", "Summer launch", "Black Friday release"];
    public static readonly string[] Labels = ["okr-2026", "roadmap-now", "roadmap-next", "market-expansion", "retention", "pricing"];

    /// <summary>Comments reporting research, competitors, pricing or OKRs.</summary>
    public static readonly Func<SampleText, string>[] Comments =
    [
        t => $"Customer interviews with {t.Number(5, 14)} {t.Segment}: the top pain is {t.Object}. Summary in the discovery doc.",
        t => $"{t.Competitor} launched their version of {t.Object} last week, priced {t.Number(10, 40)}% below ours. Let's revisit positioning.",
        t => $"OKR check-in: {t.Kpi} is at {t.Percent} of target for the quarter. This epic is our main lever.",
        t => $"Win/loss review: we lost {t.Number(3, 12)} deals to {t.Competitor} over {t.Object}.",
        t => $"Market sizing for {t.Segment}: roughly {t.Number(20, 400)}k accounts, TAM about EUR {t.Number(15, 90)}M.",
        t => $"Pricing proposal: {t.Object} goes into the Pro plan, not Basic. Finance agrees with the business case.",
        t => $"Exec review decided to pursue this for {t.Segment}; target date stays.",
        t => $"Survey results (n={t.Number(150, 1400)}): {t.Percent} of {t.Segment} would pay for {t.Object}.",
        t => $"Outcome review: {t.Kpi} moved {t.Percent} since launch; we keep investing.",
        t => $"Parking this: the business case for {t.Segment} does not hold at current {t.Kpi}.",
        t => $"GTM: marketing and sales want the launch before the {t.Pick(FixVersions)} release; aligned with them on messaging.",
        t => $"North star for this initiative is {t.Kpi}; secondary metric churn of {t.Segment}.",
        t => $"Roadmap commitment for the board deck: {t.Object} for {t.Segment} by {t.Pick(FixVersions)}.",
        t => $"Competitor teardown of {t.Competitor}'s {t.Object} attached; their onboarding is two steps shorter.",
    ];

    /// <summary>Problem and outcome text for epics and initiatives.</summary>
    public static readonly Func<SampleText, string>[] Descriptions =
    [
        t => $"Problem: {t.Segment} churn because {t.Object} is hard to use. Outcome: {t.Kpi} +{t.Percent} within two quarters.",
        t => $"Why now: {t.Competitor} is winning {t.Segment} on {t.Object}. Success = {t.Kpi} back to last year's level.",
        t => $"Hypothesis: if {t.Segment} get a better {t.Object}, {t.Kpi} improves by {t.Percent}. Evidence: interviews and funnel data.",
        t => $"Business case: EUR {t.Number(200, 2000)}k ARR from {t.Segment}; investment about {t.Number(2, 9)} team-sprints.",
    ];
}
