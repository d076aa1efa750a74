using System.Text;
using System.Text.Json;
using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Workers.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Features.Reports;

/// <summary>
/// Weekly reports: stored once generated and never changed (regeneration is an explicit POST), served as JSON,
/// Markdown, self-contained HTML or CSV.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        api.MapGet("/", ListReportsAsync);
        api.MapGet("/{week}", GetOrganisationReportAsync);
        api.MapGet("/{week}/teams/{id:long}", GetTeamReportAsync);
        api.MapPost("/{week}/generate", GenerateReportsAsync);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ReportSummaryResponse>>> ListReportsAsync(BacklogDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Reports.AsNoTracking()
            .GroupBy(r => r.Week)
            .Select(g => new
            {
                Week = g.Key,
                GeneratedAt = g.Where(r => r.TeamId == null).Select(r => r.GeneratedAt).FirstOrDefault(),
                Version = g.Where(r => r.TeamId == null).Select(r => r.ReportVersion).FirstOrDefault(),
                Teams = g.Count(r => r.TeamId != null),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReportSummaryResponse>>(rows.OrderByDescending(r => r.Week)
            .Select(r => new ReportSummaryResponse(WeekKey.ToWeek(r.Week), r.GeneratedAt, r.Version ?? string.Empty, r.Teams)).ToList());
    }

    public static Task<IResult> GetOrganisationReportAsync(
        string week, string? format, HttpRequest request, BacklogDbContext db, PersonNames names, CancellationToken cancellationToken) =>
        ServeAsync(
            week, null, format, request, db, names, ReportPrivacy.Organisation,
            (renderer, json) => renderer.Render(Read<OrganisationWeeklyReport>(json)), cancellationToken);

    public static Task<IResult> GetTeamReportAsync(
        string week, long id, string? format, HttpRequest request, BacklogDbContext db, PersonNames names, CancellationToken cancellationToken) =>
        ServeAsync(
            week, id, format, request, db, names, ReportPrivacy.Team,
            (renderer, json) => renderer.Render(Read<TeamWeeklyReport>(json)), cancellationToken);

    public static async Task<Results<Ok<ReportSummaryResponse>, ValidationProblem>> GenerateReportsAsync(
        string week, WeeklyReportService reports, BacklogDbContext db, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        if (query.Week("week", week) is not { } isoWeek)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        await reports.GenerateAsync(isoWeek, replace: true, cancellationToken);
        var key = WeekKey.Of(isoWeek);
        var stored = await db.Reports.AsNoTracking().Where(r => r.Week == key).ToListAsync(cancellationToken);
        var organisation = stored.Single(r => r.TeamId == null);
        return TypedResults.Ok(new ReportSummaryResponse(isoWeek, organisation.GeneratedAt, organisation.ReportVersion, stored.Count - 1));
    }

    private static async Task<IResult> ServeAsync(
        string week, long? teamId, string? format, HttpRequest request, BacklogDbContext db, PersonNames names,
        Func<string, PersonNames, PersonMask, PrivateReport> applyPrivacy, Func<IReportRenderer, string, string> render, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var isoWeek = query.Week("week", week);
        if (!ReportFormat.TryChoose(format, request.Headers.Accept.ToString(), out var renderer))
        {
            query.Require(false, "format", $"format must be one of: {ReportFormat.Known}.");
        }

        if (!query.IsValid || isoWeek is not { } found)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var key = WeekKey.Of(found);
        var stored = await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Week == key && r.TeamId == teamId, cancellationToken);
        if (stored is null)
        {
            return TypedResults.Problem(
                title: teamId is null ? $"No report for {found} yet." : $"No report for team {teamId} in {found}.",
                detail: $"Reports are generated every week; POST /api/reports/{found}/generate builds this one now.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (!ReportPrivacy.Applies(names))
        {
            return renderer is null
                ? TypedResults.Text(stored.Json, "application/json", Encoding.UTF8)
                : TypedResults.Text(render(renderer, stored.Json), renderer.MediaType);
        }

        var report = applyPrivacy(stored.Json, names, await names.MaskAsync(db, cancellationToken));
        return renderer is null
            ? TypedResults.Text(report.ToJson(), "application/json", Encoding.UTF8)
            : TypedResults.Text(PrivateReport.WithNotice(render(renderer, report.Report.ToJsonString(WeeklyReportService.Json)), renderer.MediaType, report.Notice), renderer.MediaType);
    }

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, WeeklyReportService.Json) ?? throw new JsonException("A stored report is empty.");
}
