using System.Text.Json;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Reports;
using BacklogInsight.Workers.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Reports;

/// <summary>
/// Builds reports on demand (for the API and the dashboard) and stores the weekly ones. A stored report is immutable:
/// generating a week again only replaces it when asked to.
/// </summary>
public sealed class WeeklyReportService(
    BacklogDbContext db, ReportInputBuilder inputs, IOptions<OrganisationOptions> organisation, IOptions<ReportOptions> options, TimeProvider time)
{
    /// <summary>How reports are stored and served as JSON: web casing, enums as kebab-case words.</summary>
    public static readonly JsonSerializerOptions Json = StoredReportJson.Options;

    public TimeZoneInfo Zone => organisation.Value.Zone;

    public IsoWeek CurrentWeek => IsoWeek.FromInstant(time.GetUtcNow(), Zone);

    /// <summary>The organisation overview of a week (every team's figures, no notable activity), built now from the counts.</summary>
    public async Task<OrganisationWeeklyReport> BuildAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var overview = await inputs.BuildOverviewAsync(teams, week, cancellationToken);
        return new WeeklyReportBuilder(options.Value).BuildOrganisation(overview.Select(t => t.Input), week, Zone, time.GetUtcNow());
    }

    /// <summary>One team's report of a week, built now from the counts.</summary>
    public async Task<TeamWeeklyReport> BuildTeamAsync(Domain.Model.Team team, IsoWeek week, CancellationToken cancellationToken) =>
        new WeeklyReportBuilder(options.Value).BuildTeam(await inputs.BuildAsync(team, week, cancellationToken), week, Zone, time.GetUtcNow());

    /// <summary>Stores the week's reports unless they exist (or <paramref name="replace"/>); returns whether it wrote.</summary>
    public async Task<bool> GenerateAsync(IsoWeek week, bool replace, CancellationToken cancellationToken)
    {
        var key = WeekKey.Of(week);
        if (!replace && await db.Reports.AnyAsync(r => r.Week == key, cancellationToken))
        {
            return false;
        }

        var teams = await InputsAsync(week, cancellationToken);
        var now = time.GetUtcNow();
        var builder = new WeeklyReportBuilder(options.Value);
        var organisationReport = builder.BuildOrganisation(teams.Select(t => t.Input), week, Zone, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Reports.Where(r => r.Week == key).ExecuteDeleteAsync(cancellationToken);
        db.Reports.Add(Store(key, null, organisationReport.ReportVersion, now, JsonSerializer.Serialize(organisationReport, Json)));
        foreach (var (team, input) in teams)
        {
            var report = builder.BuildTeam(input, week, Zone, now);
            db.Reports.Add(Store(key, team.Id, report.ReportVersion, now, JsonSerializer.Serialize(report, Json)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static StoredReport Store(int week, long? teamId, string version, DateTimeOffset at, string json) =>
        new() { Week = week, TeamId = teamId, ReportVersion = version, GeneratedAt = at, Json = json };

    private async Task<List<(Domain.Model.Team Team, TeamWeeklyInput Input)>> InputsAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var result = new List<(Domain.Model.Team, TeamWeeklyInput)>();
        foreach (var team in await db.Teams.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken))
        {
            result.Add((team, await inputs.BuildAsync(team, week, cancellationToken)));
        }

        return result;
    }
}
