using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>Creates, lists, revokes and checks API keys. The key itself leaves only <see cref="CreateAsync"/>, once.</summary>
public sealed class ApiKeyStore(BacklogDbContext db, TimeProvider time)
{
    // Writing "last used" on every request would make every read a write; a minute is precise enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A new key; the returned <c>Key</c> is the only time it is seen.</summary>
    public async Task<(ApiKey Stored, string Key)> CreateAsync(string name, string scope, CancellationToken cancellationToken)
    {
        var key = ApiKeySecret.Generate();
        var stored = await AddAsync(name, scope, ApiKeySecret.Hash(key), ApiKeySecret.Visible(key), cancellationToken);
        return (stored, key);
    }

    /// <summary>Stores the hash of a key made elsewhere (the bootstrap key), unless a key with that hash exists.</summary>
    public async Task<bool> EnsureHashAsync(string name, string scope, string hash, CancellationToken cancellationToken)
    {
        var normalized = hash.Trim().ToUpperInvariant();
        if (await db.ApiKeys.AnyAsync(k => k.Hash == normalized, cancellationToken))
        {
            return false;
        }

        await AddAsync(name, scope, normalized, "(bootstrap)", cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(k => k.CreatedAt).ToList();

    /// <summary>Revokes a key; false when there is no such key. Revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Revokes every active key of that name (the demo's key of a previous start).</summary>
    public async Task RevokeNamedAsync(string name, CancellationToken cancellationToken) =>
        await db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, time.GetUtcNow()), cancellationToken);

    /// <summary>The active key the caller presented, or null; notes when it was used.</summary>
    public async Task<ApiKey?> FindActiveAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(presented);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (key is null || key.RevokedAt is not null || !ApiKeySecret.HashesEqual(key.Hash, hash))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return key;
    }

    /// <summary>Whether a key (of a signed-in dashboard session) is still active.</summary>
    public Task<bool> IsActiveAsync(Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.AnyAsync(k => k.Id == id && k.RevokedAt == null, cancellationToken);

    private async Task<ApiKey> AddAsync(string name, string scope, string hash, string prefix, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = new ApiKey { Id = Guid.CreateVersion7(now), Name = name, Scope = scope, Hash = hash, Prefix = prefix, CreatedAt = now };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return key;
    }
}
