using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Classification;

/// <summary>The class words the API accepts: <c>strategic</c>, <c>tactical</c>, <c>delivery</c>, <c>other</c>.</summary>
public static class ClassNames
{
    public static readonly IReadOnlyDictionary<string, ActivityClass> All = Enum.GetValues<ActivityClass>()
        .ToDictionary(c => c.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);
}
