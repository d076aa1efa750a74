using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Api.Features.Balance;

/// <summary>A team's weekly role balance over a range of ISO weeks (weeks without activity included, empty).</summary>
public sealed record TeamBalanceResponse(long TeamId, string TeamName, string TimeZone, IReadOnlyList<TeamWeekBalance> Weeks);
