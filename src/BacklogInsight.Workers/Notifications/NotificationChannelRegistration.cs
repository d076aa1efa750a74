using BacklogInsight.Storage;
using BacklogInsight.Storage.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Notifications;

/// <summary>Creates and deletes notification channels, their encrypted secrets and their routing.</summary>
public sealed class NotificationChannelRegistration(
    BacklogDbContext db, ProtectedChannelSecrets secrets, IOptions<NotificationsOptions> options, TimeProvider time)
{
    /// <summary>Creates the channel, or returns null when its name is taken. Throws <see cref="ChannelValidationException"/>.</summary>
    public async Task<NotificationChannel?> CreateAsync(ChannelDefinition definition, CancellationToken cancellationToken)
    {
        var errors = ChannelDefinitionValidator.Validate(definition, options.Value.AllowLoopback);
        if (definition.TeamIds is { Count: > 0 } teamIds)
        {
            var known = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
            var unknown = teamIds.Except(known).ToList();
            if (unknown.Count > 0)
            {
                errors["routing.teams"] = [$"No team with id {string.Join(", ", unknown)}; see GET /api/teams."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ChannelValidationException(errors);
        }

        if (await db.NotificationChannels.AnyAsync(c => c.Name == definition.Name, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var channel = new NotificationChannel
        {
            Id = Guid.CreateVersion7(now),
            Name = definition.Name,
            Kind = definition.Kind,
            SettingsJson = definition.SettingsJson,
            TeamIds = definition.TeamIds?.Distinct().Order().ToList(),
            RuleIds = definition.RuleIds?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Events = (definition.Events ?? NotificationEvents.AlertTransitions).Distinct(StringComparer.Ordinal).ToList(),
            WeeklyReports = definition.WeeklyReports,
            CreatedAt = now,
        };
        db.NotificationChannels.Add(channel);
        secrets.Add(channel.Id, definition.Secrets.Where(s => !string.IsNullOrEmpty(s.Value)).ToDictionary(s => s.Key, s => s.Value));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return channel;
    }

    /// <summary>Deletes the channel with its secrets and its delivery history; false when there is none.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.NotificationChannels.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
}
