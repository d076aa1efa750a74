using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BacklogInsight.Sources.Http;

/// <summary>Puts a trackers' HTTP client behind the <see cref="OutboundGuard"/>.</summary>
public static class OutboundHttpClientBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="OutboundOptions"/> (section <c>Security:Outbound</c>) and the <see cref="OutboundGuard"/>
    /// once per service collection.
    /// </summary>
    public static IServiceCollection AddOutboundGuard(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>());
        services.TryAddSingleton<OutboundGuard>();
        return services;
    }

    /// <summary>
    /// The client connects only to allowed addresses (checked at connect time), refuses disallowed URLs, follows
    /// redirects to the same host only and bounds answers. Call before <c>AddStandardResilienceHandler</c>, so that
    /// these checks wrap the retries.
    /// </summary>
    public static IHttpClientBuilder AddOutboundGuard(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOutboundGuard();

        // The framework's request logging puts the raw Authorization header into its events' state at trace level;
        // the clients log what matters themselves.
        builder.RemoveAllLoggers();
        builder.ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<OutboundGuard>().CreatePrimaryHandler());
        builder.AddHttpMessageHandler(provider => new OutboundRedirectHandler(
            provider.GetRequiredService<OutboundGuard>(), provider.GetRequiredService<IOptionsMonitor<OutboundOptions>>()));
        builder.AddHttpMessageHandler(provider => new OutboundResponseLimitHandler(provider.GetRequiredService<IOptionsMonitor<OutboundOptions>>()));
        return builder;
    }

    /// <summary>A retry predicate that never retries a refused request: the next attempt would be refused too.</summary>
    public static Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> ExceptRefusals(
        Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> shouldHandle) =>
        args => args.Outcome.Exception is { } exception && IsRefusal(exception) ? PredicateResult.False() : shouldHandle(args);

    private static bool IsRefusal(Exception exception) =>
        exception is OutboundRequestRefusedException or OutboundResponseTooLargeException
        || (exception.InnerException is { } inner && IsRefusal(inner));
}
