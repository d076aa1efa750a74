namespace BacklogInsight.Api.Features.Connections;

/// <summary>Registers the connection testers, one per tracker kind.</summary>
public static class ConnectionsServiceCollectionExtensions
{
    public static IServiceCollection AddConnectionChecks(this IServiceCollection services)
    {
        services.AddSingleton<IConnectionTester, JiraConnectionTest>();
        services.AddSingleton<IConnectionTester, AzureDevOpsConnectionTest>();
        return services;
    }
}
