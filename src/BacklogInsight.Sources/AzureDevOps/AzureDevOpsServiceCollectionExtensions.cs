using BacklogInsight.Sources.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>Registers the Azure DevOps source.</summary>
public static class AzureDevOpsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Azure DevOps provider, its connection tester, <see cref="AzureDevOpsOptions"/> and the <c>azure-devops</c>
    /// HTTP client behind the outbound guard (a redirect to another host, such as a sign-in page, is not followed), and one standard resilience handler retries
    /// 429 (waiting <c>Retry-After</c>, capped by <see cref="AzureDevOpsOptions.MaxRetryAfter"/>), 5xx, 408 and timeouts
    /// with exponential back-off and jitter, counting each retry on the sending client.
    /// </summary>
    public static IServiceCollection AddAzureDevOpsSource(this IServiceCollection services)
    {
        services.AddOptions<AzureDevOpsOptions>()
            .BindConfiguration(AzureDevOpsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<AzureDevOpsConnectionLimits>();
        services.AddSingleton<AzureDevOpsClientFactory>();
        services.AddSingleton<AzureDevOpsConnectionTester>();
        services.AddSingleton<IBacklogSourceProvider, AzureDevOpsProvider>();

        services.AddHttpClient(AzureDevOpsClient.HttpClientName)
            .AddOutboundGuard()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) => Tune(
                resilience, provider.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value, provider.GetRequiredService<TimeProvider>()))
            .SelectPipelineByAuthority();

        // Added after the resilience handler, so it runs inside it: a body cut short is retried (ContentBufferingHandler).
        services.AddHttpClient(AzureDevOpsClient.HttpClientName).AddHttpMessageHandler(
            provider => new ContentBufferingHandler(provider.GetRequiredService<IOptionsMonitor<OutboundOptions>>()));
        return services;
    }

    private static void Tune(HttpStandardResilienceOptions resilience, AzureDevOpsOptions options, TimeProvider timeProvider)
    {
        resilience.AttemptTimeout.Timeout = options.RequestTimeout;
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        resilience.Retry.ShouldHandle = options.MaxRetries == 0
            ? _ => PredicateResult.False()
            : OutboundHttpClientBuilderExtensions.ExceptRefusals(resilience.Retry.ShouldHandle);
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.MaxDelay = TimeSpan.FromMinutes(5);

        // Retry-After is read here rather than by ShouldRetryAfterHeader so that it is capped (and tests can make it tiny).
        resilience.Retry.ShouldRetryAfterHeader = false;
        resilience.Retry.DelayGenerator = args => ValueTask.FromResult(
            args.Outcome.Result is { } response ? AzureDevOpsRateLimit.RetryAfter(response, timeProvider, options.MaxRetryAfter) : null);
        resilience.Retry.OnRetry = args =>
        {
            if (args.Context.GetRequestMessage()?.Options.TryGetValue(AzureDevOpsClient.StatsKey, out var stats) == true)
            {
                stats.AddRetry();
            }

            return default;
        };

        // The whole call may wait out every attempt and the longest back-offs; the breaker must sample longer than an attempt.
        var longestWait = options.MaxRetryAfter > resilience.Retry.MaxDelay.Value ? options.MaxRetryAfter : resilience.Retry.MaxDelay.Value;
        resilience.TotalRequestTimeout.Timeout = (options.RequestTimeout * (options.MaxRetries + 1)) + (longestWait * options.MaxRetries);
        resilience.CircuitBreaker.SamplingDuration = options.RequestTimeout * 2;
    }
}
