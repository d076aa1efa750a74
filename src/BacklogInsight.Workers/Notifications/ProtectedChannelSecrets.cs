using BacklogInsight.Storage;
using BacklogInsight.Storage.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Channel secrets (webhook URLs, signing secrets, SMTP passwords) encrypted at rest with ASP.NET Data Protection, on
/// the key ring of <c>Security:KeyRingPath</c>. Values go in and come out only here; nothing returns or logs them.
/// </summary>
public sealed class ProtectedChannelSecrets(BacklogDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("BacklogInsight.NotificationChannelSecrets.v1");

    /// <summary>Every secret of a channel, decrypted, for sending.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetAllAsync(Guid channelId, CancellationToken cancellationToken)
    {
        var stored = await db.NotificationChannelSecrets.AsNoTracking().Where(s => s.ChannelId == channelId).ToListAsync(cancellationToken);
        return stored.ToDictionary(s => s.Name, s => _protector.Unprotect(s.ProtectedValue), StringComparer.Ordinal);
    }

    /// <summary>Adds the secrets to the change tracker; the caller saves them with the channel.</summary>
    public void Add(Guid channelId, IReadOnlyDictionary<string, string> secrets)
    {
        foreach (var (name, value) in secrets)
        {
            db.NotificationChannelSecrets.Add(new NotificationChannelSecret
            {
                ChannelId = channelId,
                Name = name,
                ProtectedValue = _protector.Protect(value),
                UpdatedAt = time.GetUtcNow(),
            });
        }
    }

    /// <summary>The names of the secrets a channel has; never their values.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> NamesAsync(IReadOnlyCollection<Guid> channelIds, CancellationToken cancellationToken)
    {
        var rows = await db.NotificationChannelSecrets.AsNoTracking().Where(s => channelIds.Contains(s.ChannelId))
            .Select(s => new { s.ChannelId, s.Name }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ChannelId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Name).Order(StringComparer.Ordinal).ToList());
    }
}
