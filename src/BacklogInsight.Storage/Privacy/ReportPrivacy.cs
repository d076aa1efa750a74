using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage.Reports;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// The privacy settings applied to a stored report as it is read, so they hold for every report, also those stored
/// before a setting was turned on, and turning a setting off again shows the report as it was made: people's names and
/// account ids masked (<c>Privacy:Pseudonymise</c>), and the people, coverage and decision-makers of a team with fewer
/// people acting that week than <c>Privacy:MinimumGroupSize</c> hidden, with a notice that says so. The API's report
/// endpoints and the reports sent to notification channels both read reports through here.
/// </summary>
public static class ReportPrivacy
{
    /// <summary>Whether any setting changes reports (otherwise the stored report is served byte for byte).</summary>
    public static bool Applies(PersonNames names) => names.Options.Pseudonymise || names.HidesSmallGroups;

    public static PrivateReport Organisation(string json, PersonNames names, PersonMask mask)
    {
        var report = Read<OrganisationWeeklyReport>(json);
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var teams = report.Teams.Select(t => HideSmallGroup(t, names, hidden)).ToList();
        var rows = report.Rows.Select(r => hidden.Contains(r.TeamSourceId) ? r with { DeFactoOwner = null, LeadStrategist = null } : r).ToList();
        return Mask(report with { Teams = teams, Rows = rows }, hidden.Count, names, mask);
    }

    public static PrivateReport Team(string json, PersonNames names, PersonMask mask)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var report = HideSmallGroup(Read<TeamWeeklyReport>(json), names, hidden);
        return Mask(report, hidden.Count, names, mask);
    }

    private static TeamWeeklyReport HideSmallGroup(TeamWeeklyReport report, PersonNames names, HashSet<string> hidden)
    {
        if (names.MayShowPeople(report.People.Count(p => p.Volume > 0)))
        {
            return report;
        }

        hidden.Add(report.Team.SourceId);
        return report with
        {
            People = [],
            Coverage = report.Coverage with { OwnerWork = [], StrategicWork = [], DesignatedOwnerSourceId = null, DesignatedOwnerActive = null },
            Notable = report.Notable.Select(n => n with { ActorDisplayName = "(hidden)" }).ToList(),
        };
    }

    private static PrivateReport Mask<T>(T report, int hiddenTeams, PersonNames names, PersonMask mask)
    {
        var node = JsonSerializer.SerializeToNode(report, StoredReportJson.Options)!;
        mask.Json(node);
        var notice = hiddenTeams == 0
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"People are hidden for {hiddenTeams} {(hiddenTeams == 1 ? "team" : "teams")} with fewer than {names.Options.MinimumGroupSize} people acting this week (Privacy:MinimumGroupSize), so nobody is singled out: their people, coverage and who made notable decisions are not shown.");
        return new PrivateReport(node, notice);
    }

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, StoredReportJson.Options) ?? throw new JsonException("A stored report is empty.");
}
