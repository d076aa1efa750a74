using BacklogInsight.Api.Infrastructure;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Privacy;
using BacklogInsight.Storage.Queries;
using BacklogInsight.Workers.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Features.Balance;

/// <summary>Role balance: a team's weekly series, its people and their roles, and the organisation overview.</summary>
public static class BalanceApi
{
    private const int MaxWeeks = 260;

    public static IEndpointRouteBuilder MapBalanceApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").WithTags("Role balance");
        teams.MapGet("/{id:long}/balance", GetTeamBalanceAsync);
        teams.MapGet("/{id:long}/people", GetTeamPeopleAsync);
        app.MapGroup("/api/org").WithTags("Role balance").MapGet("/balance", GetOrganisationBalanceAsync);
        return app;
    }

    /// <summary>Weeks <c>from</c>..<c>to</c> (ISO weeks, inclusive); default: the 52 weeks up to the current one.</summary>
    public static async Task<Results<Ok<TeamBalanceResponse>, ValidationProblem, ProblemHttpResult>> GetTeamBalanceAsync(
        long id, string? from, string? to, BacklogDbContext db, RoleBalanceQueries queries, WeeklyReportService reports, IOptions<ReportOptions> settings,
        CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var last = query.Week("to", to) ?? reports.CurrentWeek;
        var first = query.Week("from", from) ?? last.AddWeeks(-51);
        query.Require(first <= last, "from", "from must not be after to.");
        query.Require(IsoWeek.WeeksBetween(first, last) < MaxWeeks, "from", $"At most {MaxWeeks} weeks per request.");
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return NotFoundProblem.Of("team", id);
        }

        var options = settings.Value.Balance;
        var counts = await queries.TeamWeeksAsync(team.ConnectionId, team.SourceId, first.AddWeeks(-options.ComparisonWeeks), last, cancellationToken);
        var series = new BalanceCalculator(options).Calculate(counts, first.AddWeeks(-options.ComparisonWeeks), last).Where(w => w.Week >= first).ToList();
        return TypedResults.Ok(new TeamBalanceResponse(team.Id, team.Name, reports.Zone.Id, series));
    }

    public static async Task<Results<Ok<TeamPeopleResponse>, ValidationProblem, ProblemHttpResult>> GetTeamPeopleAsync(
        long id, string? week, BacklogDbContext db, WeeklyReportService reports, PersonNames names, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var isoWeek = query.Week("week", week) ?? reports.CurrentWeek;
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return NotFoundProblem.Of("team", id);
        }

        var report = await reports.BuildTeamAsync(team, isoWeek, cancellationToken);
        var acting = await GroupSizes.ActingPeopleAsync(db, team.ConnectionId, team.SourceId, isoWeek, cancellationToken);
        if (!names.MayShowPeople(acting))
        {
            // Too few people to show who did what without singling someone out: the team's totals stay on the balance endpoint.
            return TypedResults.Ok(new TeamPeopleResponse(
                team.Id, team.Name, isoWeek, [], report.Coverage with { OwnerWork = [], StrategicWork = [], DesignatedOwnerSourceId = null, DesignatedOwnerActive = null })
            {
                HiddenReason = names.HiddenReason(acting, $"this team's backlog in {isoWeek}"),
            });
        }

        var mask = await names.MaskAsync(db, cancellationToken);
        var people = report.People
            .Select(p => p with { PersonSourceId = mask.Id(team.ConnectionId, p.PersonSourceId), DisplayName = mask.Name(team.ConnectionId, p.PersonSourceId, p.DisplayName), Reasons = p.Reasons.Select(r => mask.Text(r)!).ToList() })
            .ToList();
        CoverageEntry Masked(CoverageEntry e) => e with { PersonSourceId = mask.Id(team.ConnectionId, e.PersonSourceId), DisplayName = mask.Name(team.ConnectionId, e.PersonSourceId, e.DisplayName) };
        var coverage = report.Coverage with
        {
            OwnerWork = report.Coverage.OwnerWork.Select(Masked).ToList(),
            StrategicWork = report.Coverage.StrategicWork.Select(Masked).ToList(),
            DesignatedOwnerSourceId = mask.IdOrNull(team.ConnectionId, report.Coverage.DesignatedOwnerSourceId),
        };
        return TypedResults.Ok(new TeamPeopleResponse(team.Id, team.Name, isoWeek, people, coverage));
    }

    public static async Task<Results<Ok<OrganisationBalanceResponse>, ValidationProblem>> GetOrganisationBalanceAsync(
        string? week, BacklogDbContext db, WeeklyReportService reports, PersonNames names, CancellationToken cancellationToken)
    {
        var query = new ListQuery();
        var isoWeek = query.Week("week", week) ?? reports.CurrentWeek;
        if (!query.IsValid)
        {
            return TypedResults.ValidationProblem(query.Errors);
        }

        var report = await reports.BuildAsync(isoWeek, cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var mask = await names.MaskAsync(db, cancellationToken);
        var groups = names.HidesSmallGroups ? await GroupSizes.ActingPeopleAsync(db, [isoWeek], cancellationToken) : null;
        var rows = report.Rows.Select(row =>
        {
            var team = teams.First(t => t.SourceId == row.TeamSourceId && t.Name == row.TeamName);
            var acting = groups?.GetValueOrDefault((team.ConnectionId, team.SourceId, isoWeek));
            var hidden = acting is { } size && !names.MayShowPeople(size);
            return new OrganisationTeamRow(
                team.Id, row.TeamName, row.Counts, row.Balance, row.Comparison, row.Attention,
                hidden ? null : mask.Text(row.DeFactoOwner), hidden ? null : mask.Text(row.LeadStrategist), row.ActivePeople)
            {
                PeopleHiddenReason = hidden ? names.HiddenReason(acting!.Value, $"this team's backlog in {isoWeek}") : null,
            };
        }).ToList();
        return TypedResults.Ok(new OrganisationBalanceResponse(isoWeek, reports.Zone.Id, report.Totals, report.Balance, rows));
    }
}
