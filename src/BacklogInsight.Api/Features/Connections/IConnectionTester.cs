using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Features.Connections;

/// <summary>Tries a connection of one kind and says in plain words what works and what does not.</summary>
public interface IConnectionTester
{
    /// <summary>The connection kind this tester handles (<c>jira</c>, <c>azure-devops</c>).</summary>
    string Kind { get; }

    Task<ConnectionTestResponse> TestAsync(Connection connection, CancellationToken cancellationToken);
}
