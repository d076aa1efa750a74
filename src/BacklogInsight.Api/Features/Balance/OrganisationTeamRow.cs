using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;

namespace BacklogInsight.Api.Features.Balance;

/// <summary>One team in the organisation overview.</summary>
public sealed record OrganisationTeamRow(
    long TeamId,
    string TeamName,
    ClassCounts Counts,
    double? Balance,
    BalanceComparison Comparison,
    IReadOnlyList<AttentionReason> Attention,
    string? DeFactoOwner,
    string? LeadStrategist,
    int ActivePeople)
{
    /// <summary>Why the owner and strategist are not named (a team-week under <c>Privacy:MinimumGroupSize</c>); null when shown.</summary>
    public string? PeopleHiddenReason { get; init; }
}
