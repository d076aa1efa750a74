using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Activities;

/// <summary>An activity's class, how sure, and the reasons.</summary>
public sealed record ClassificationResponse(ActivityClass Class, double Confidence, string RuleId, IReadOnlyList<string> Reasons, string? TaxonomyVersion)
{
    public static ClassificationResponse? From(Domain.Model.Classification? c) =>
        c is null ? null : new(c.Class, c.Confidence, c.RuleId, c.Reasons, c.TaxonomyVersion);
}
