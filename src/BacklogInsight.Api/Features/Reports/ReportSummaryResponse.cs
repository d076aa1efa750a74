using BacklogInsight.Domain.Balance;

namespace BacklogInsight.Api.Features.Reports;

/// <summary>A stored week of reports.</summary>
public sealed record ReportSummaryResponse(IsoWeek Week, DateTimeOffset GeneratedAt, string ReportVersion, int Teams);
