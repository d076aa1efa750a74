using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Api.Features.Balance;

/// <summary>Who did what on a team's backlog in one week, their inferred roles, and who covers owner and strategic work.</summary>
public sealed record TeamPeopleResponse(long TeamId, string TeamName, IsoWeek Week, IReadOnlyList<RoleProfile> People, OwnerCoverage Coverage)
{
    /// <summary>Why <see cref="People"/> and the coverage's names are empty (a team under <c>Privacy:MinimumGroupSize</c>); null when shown.</summary>
    public string? HiddenReason { get; init; }
}
