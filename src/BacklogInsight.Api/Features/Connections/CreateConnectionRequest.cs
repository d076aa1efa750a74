using System.Text.Json;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>
/// The body of <c>POST /api/connections</c>. <c>Secrets</c> is write-only, e.g. <c>{"token": "…"}</c>: stored
/// encrypted and never returned.
/// </summary>
public sealed record CreateConnectionRequest(string? Name, string? Kind, string? BaseUrl, JsonElement? Settings, string? SyncCron, Dictionary<string, string>? Secrets);
