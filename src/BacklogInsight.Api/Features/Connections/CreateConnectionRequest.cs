using System.Text.Json;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>The body of <c>POST /api/connections</c>.</summary>
public sealed record CreateConnectionRequest(string? Name, string? Kind, string? BaseUrl, JsonElement? Settings, string? SyncCron);
