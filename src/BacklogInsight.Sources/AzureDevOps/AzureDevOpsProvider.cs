using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Creates <see cref="AzureDevOpsSource"/>s for connections of kind <see cref="SourceKinds.AzureDevOps"/>.</summary>
public sealed class AzureDevOpsProvider(
    AzureDevOpsClientFactory clients, IOptions<AzureDevOpsOptions> options, TimeProvider timeProvider, ILogger<AzureDevOpsSource> logger)
    : IBacklogSourceProvider
{
    public string Kind => SourceKinds.AzureDevOps;

    /// <exception cref="FormatException">The connection's settings or base URL are not valid.</exception>
    public IBacklogSource Create(Connection connection) =>
        new AzureDevOpsSource(connection, clients.Create(connection), options.Value, timeProvider, logger);
}
