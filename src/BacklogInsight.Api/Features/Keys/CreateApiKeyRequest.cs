namespace BacklogInsight.Api.Features.Keys;

/// <summary>The body of <c>POST /api/keys</c>: <c>{"name": "ops-dashboard", "scope": "read"}</c>.</summary>
public sealed record CreateApiKeyRequest(string? Name, string? Scope);
