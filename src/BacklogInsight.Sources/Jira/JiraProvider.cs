using BacklogInsight.Domain.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Jira;

/// <summary>Creates <see cref="JiraSource"/>s for connections of kind <see cref="SourceKinds.Jira"/>.</summary>
public sealed class JiraProvider(JiraClientFactory clients, IOptions<JiraOptions> options, ILogger<JiraSource> logger)
    : IBacklogSourceProvider
{
    public string Kind => SourceKinds.Jira;

    /// <exception cref="FormatException">The connection's settings or base URL are not valid.</exception>
    public IBacklogSource Create(Connection connection) =>
        new JiraSource(connection, clients.Create(connection), options.Value, logger);
}
