using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BacklogInsight.Sources.Sample;

/// <summary>Registers the sample source.</summary>
public static class SampleServiceCollectionExtensions
{
    /// <summary>Adds the sample source provider and binds <see cref="SampleSourceOptions"/>.</summary>
    public static IServiceCollection AddSampleSource(this IServiceCollection services)
    {
        services.AddOptions<SampleSourceOptions>()
            .BindConfiguration(SampleSourceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IBacklogSourceProvider, SampleSourceProvider>();
        return services;
    }
}
