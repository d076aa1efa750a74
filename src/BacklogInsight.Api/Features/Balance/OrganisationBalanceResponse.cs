using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Api.Features.Balance;

/// <summary>Every team's balance in one week, the teams needing attention first.</summary>
public sealed record OrganisationBalanceResponse(IsoWeek Week, string TimeZone, ClassCounts Totals, double? Balance, IReadOnlyList<OrganisationTeamRow> Teams);
