namespace BacklogInsight.Api.Features.Keys;

/// <summary>A new key: <see cref="Key"/> is shown this once and cannot be read again.</summary>
public sealed record CreatedApiKeyResponse(Guid Id, string Name, string Scope, string Prefix, DateTimeOffset CreatedAt, string Key);
