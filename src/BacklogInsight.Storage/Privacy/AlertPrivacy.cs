using BacklogInsight.Domain.Balance;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Privacy;

/// <summary>
/// The privacy settings applied to alerts' words wherever they leave the store (the API and the dashboard, the
/// notification channels), so both apply them the same way. Alerts are stored as raised, with names, so a setting holds
/// for every alert, also those raised before it was turned on: names and account ids pseudonymised
/// (<c>Privacy:Pseudonymise</c>), and for a team with fewer people acting in the alert's week than
/// <c>Privacy:MinimumGroupSize</c> every person replaced by <see cref="PersonMask.HiddenPerson"/> (not even a pseudonym
/// singles somebody out), with a last evidence line saying why.
/// </summary>
/// <remarks>
/// An alert's week is the organisation's ISO week of its last evaluation (of the transition, for a notification): the
/// week a reader sees it in. A team nobody acted on yet that week counts as a group of none, so early in a week a small
/// team's alert names nobody rather than somebody. Connection alerts (a failing sync) name no team's people and are
/// only pseudonymised.
/// </remarks>
public sealed class AlertPrivacy
{
    private readonly PersonNames _names;
    private readonly PersonMask _pseudonymising;
    private readonly PersonMask _hiding;
    private readonly IReadOnlyDictionary<(long TeamId, IsoWeek Week), int> _groups;

    private AlertPrivacy(PersonNames names, PersonMask pseudonymising, PersonMask hiding, IReadOnlyDictionary<(long TeamId, IsoWeek Week), int> groups)
    {
        _names = names;
        _pseudonymising = pseudonymising;
        _hiding = hiding;
        _groups = groups;
    }

    /// <summary>What it takes to show the given alerts (their team and week): the masks and each team's group in that week.</summary>
    public static async Task<AlertPrivacy> LoadAsync(
        BacklogDbContext db, PersonNames names, IReadOnlyCollection<(long? TeamId, IsoWeek Week)> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(names);
        if (!names.Options.Pseudonymise && !names.HidesSmallGroups)
        {
            return new AlertPrivacy(names, PersonMask.Off, PersonMask.Off, new Dictionary<(long, IsoWeek), int>());
        }

        var (pseudonymising, hiding) = await names.MasksAsync(db, cancellationToken);
        var groups = new Dictionary<(long TeamId, IsoWeek Week), int>();
        var teamAlerts = alerts.Where(a => a.TeamId is not null).Select(a => (TeamId: a.TeamId!.Value, a.Week)).Distinct().ToList();
        if (names.HidesSmallGroups && teamAlerts.Count > 0)
        {
            var ids = teamAlerts.Select(a => a.TeamId).Distinct().ToList();
            var teams = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, t => (t.ConnectionId, t.SourceId), cancellationToken);
            var weeks = teamAlerts.SelectMany(a => new[] { a.Week, a.Week.Previous() }).Distinct().ToList();
            var acting = await GroupSizes.ActingPeopleAsync(db, weeks, cancellationToken);
            foreach (var (teamId, week) in teamAlerts)
            {
                // A team no longer stored has nobody to show.
                groups[(teamId, week)] = teams.TryGetValue(teamId, out var team)
                    ? Math.Max(acting.GetValueOrDefault((team.ConnectionId, team.SourceId, week)), acting.GetValueOrDefault((team.ConnectionId, team.SourceId, week.Previous())))
                    : 0;
            }
        }

        return new AlertPrivacy(names, names.Options.Pseudonymise ? pseudonymising : PersonMask.Off, hiding, groups);
    }

    /// <summary>The words as they may be shown for an alert of <paramref name="teamId"/> in <paramref name="week"/>.</summary>
    public AlertWords Apply(long? teamId, IsoWeek week, AlertWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (teamId is { } id && _groups.TryGetValue((id, week), out var acting) && !_names.MayShowPeople(acting))
        {
            var hidden = Masked(words, _hiding);
            return hidden with { Evidence = [.. hidden.Evidence, _names.HiddenReason(acting, $"this team's backlog in the busier of {week.Previous()} and {week}")] };
        }

        return Masked(words, _pseudonymising);
    }

    private static AlertWords Masked(AlertWords words, PersonMask mask) => mask.IsOn
        ? new AlertWords(mask.Text(words.Summary)!, [.. words.Evidence.Select(e => mask.Text(e)!)], mask.Text(words.ResolvedReason))
        : words;
}
