using BacklogInsight.Domain.Alerts;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Alerts;

/// <summary>
/// The thresholds in force: configuration (<c>Alerts:Rules</c>), then the stored organisation overrides, then a team's
/// own overrides.
/// </summary>
public sealed class AlertSettings(BacklogDbContext db, IOptions<AlertsOptions> options)
{
    public const string OrganisationScope = "organisation";

    public static string TeamScope(long teamId) => $"team:{teamId}";

    public AlertThresholds Configured => options.Value.Rules;

    public async Task<AlertSettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await db.AlertRuleSettings.AsNoTracking().ToListAsync(cancellationToken);
        var organisation = stored.FirstOrDefault(s => s.TeamId is null)?.Overrides;
        return new AlertSettingsSnapshot(
            Configured,
            organisation,
            stored.Where(s => s.TeamId is not null).ToDictionary(s => s.TeamId!.Value, s => s.Overrides));
    }
}
