using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Keys;

/// <summary>A key as listed: never the key itself, only its first characters.</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, string Scope, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(key.Id, key.Name, key.Scope, key.Prefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}
