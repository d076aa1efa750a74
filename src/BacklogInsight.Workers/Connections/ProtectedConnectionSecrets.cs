using BacklogInsight.Domain.Model;
using BacklogInsight.Sources;
using BacklogInsight.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Workers.Connections;

/// <summary>
/// Connection secrets encrypted at rest with ASP.NET Data Protection (the key ring lives next to the data, see
/// <c>Security:KeyRingPath</c>). Values go in and come out only here; nothing returns or logs them.
/// </summary>
public sealed class ProtectedConnectionSecrets(BacklogDbContext db, IDataProtectionProvider protection, TimeProvider time) : IConnectionSecrets
{
    private readonly IDataProtector _protector = protection.CreateProtector("BacklogInsight.ConnectionSecrets.v1");

    public async ValueTask<string?> GetAsync(Guid connectionId, string name, CancellationToken cancellationToken)
    {
        var stored = await db.ConnectionSecrets.AsNoTracking()
            .SingleOrDefaultAsync(s => s.ConnectionId == connectionId && s.Name == name, cancellationToken);
        return stored is null ? null : _protector.Unprotect(stored.ProtectedValue);
    }

    /// <summary>Sets (or replaces) the named secrets of a connection.</summary>
    public async Task SetAsync(Guid connectionId, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in secrets)
        {
            var stored = await db.ConnectionSecrets.SingleOrDefaultAsync(s => s.ConnectionId == connectionId && s.Name == name, cancellationToken);
            if (stored is null)
            {
                db.ConnectionSecrets.Add(new ConnectionSecret { ConnectionId = connectionId, Name = name, ProtectedValue = _protector.Protect(value), UpdatedAt = time.GetUtcNow() });
            }
            else
            {
                stored.ProtectedValue = _protector.Protect(value);
                stored.UpdatedAt = time.GetUtcNow();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The names of the secrets a connection has; never their values.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(Guid connectionId, CancellationToken cancellationToken) =>
        await db.ConnectionSecrets.AsNoTracking().Where(s => s.ConnectionId == connectionId).Select(s => s.Name).OrderBy(n => n).ToListAsync(cancellationToken);
}
