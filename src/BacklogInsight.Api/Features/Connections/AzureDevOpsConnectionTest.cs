using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.AzureDevOps;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>The connection test of Azure DevOps organisations and collections, over <see cref="AzureDevOpsConnectionTester"/>.</summary>
public sealed class AzureDevOpsConnectionTest(AzureDevOpsConnectionTester tester) : IConnectionTester
{
    public string Kind => SourceKinds.AzureDevOps;

    public async Task<ConnectionTestResponse> TestAsync(Connection connection, CancellationToken cancellationToken)
    {
        var result = await tester.TestAsync(connection, cancellationToken);
        return new ConnectionTestResponse
        {
            Kind = Kind,
            Succeeded = result.Succeeded,
            Projects = result.Projects,
            Boards = result.Teams,
            Messages = result.Messages,
        };
    }
}
