using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Jira;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>The connection test of Jira sites, over <see cref="JiraConnectionTester"/>.</summary>
public sealed class JiraConnectionTest(JiraConnectionTester tester) : IConnectionTester
{
    public string Kind => SourceKinds.Jira;

    public async Task<ConnectionTestResponse> TestAsync(Connection connection, CancellationToken cancellationToken)
    {
        var result = await tester.TestAsync(connection, cancellationToken);
        return new ConnectionTestResponse
        {
            Kind = Kind,
            Succeeded = result.Succeeded,
            Account = result.Account,
            Site = result.Site,
            TimeZone = result.TimeZone,
            Projects = result.Projects,
            Boards = result.Boards,
            BoardIds = result.BoardIds,
            MissingPermissions = result.MissingPermissions,
            Messages = result.Messages,
        };
    }
}
