using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>A connection and where its sync stands.</summary>
public sealed record ConnectionResponse(
    Guid Id,
    string Name,
    string Kind,
    string? BaseUrl,
    string? SyncCron,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSucceededAt,
    SyncRunResponse? LastRun)
{
    /// <summary>The names of the connection's secrets; their values are never returned.</summary>
    public IReadOnlyList<string> SecretNames { get; init; } = [];

    public static ConnectionResponse From(Connection connection, ConnectionSyncState? state, SyncRun? lastRun) => new(
        connection.Id, connection.Name, connection.Kind, connection.BaseUrl, connection.SyncCron, connection.Enabled,
        connection.CreatedAt, state?.LastSucceededAt, lastRun is null ? null : SyncRunResponse.From(lastRun));
}
