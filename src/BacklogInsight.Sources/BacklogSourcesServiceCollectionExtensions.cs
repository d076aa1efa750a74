using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Sources.Jira;
using BacklogInsight.Sources.Sample;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Sources;

/// <summary>Registers the source factory and every source this build ships.</summary>
public static class BacklogSourcesServiceCollectionExtensions
{
    public static IServiceCollection AddBacklogSources(this IServiceCollection services)
    {
        services.AddSingleton<IBacklogSourceFactory, BacklogSourceFactory>();
        services.AddSampleSource();
        services.AddJiraSource();
        services.AddAzureDevOpsSource();
        return services;
    }
}
