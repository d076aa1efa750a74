using BacklogInsight.Sources.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BacklogInsight.Sources.Jira;

/// <summary>Registers the Jira source.</summary>
public static class JiraServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Jira provider, its connection tester, <see cref="JiraOptions"/> and the <c>jira</c> HTTP client with
    /// one standard resilience handler: 429 (honouring <c>Retry-After</c> in seconds or as a date), 5xx, 408 and
    /// timeouts are retried with exponential back-off and jitter, and each retry is counted on the sending client.
    /// </summary>
    public static IServiceCollection AddJiraSource(this IServiceCollection services)
    {
        services.AddOptions<JiraOptions>()
            .BindConfiguration(JiraOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<JiraConnectionLimits>();
        services.AddSingleton<JiraClientFactory>();
        services.AddSingleton<JiraConnectionTester>();
        services.AddSingleton<IBacklogSourceProvider, JiraProvider>();

        services.AddHttpClient(JiraClient.HttpClientName)
            .AddOutboundGuard()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) => Tune(resilience, provider.GetRequiredService<IOptions<JiraOptions>>().Value))
            .SelectPipelineByAuthority();

        // Added after the resilience handler, so it runs inside it: a body cut short is retried (ContentBufferingHandler).
        services.AddHttpClient(JiraClient.HttpClientName).AddHttpMessageHandler(
            provider => new ContentBufferingHandler(provider.GetRequiredService<IOptionsMonitor<OutboundOptions>>()));
        return services;
    }

    private static void Tune(HttpStandardResilienceOptions resilience, JiraOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.RequestTimeout;
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        resilience.Retry.ShouldHandle = options.MaxRetries == 0
            ? _ => PredicateResult.False()
            : OutboundHttpClientBuilderExtensions.ExceptRefusals(resilience.Retry.ShouldHandle);
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.MaxDelay = TimeSpan.FromMinutes(2);
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.OnRetry = args =>
        {
            if (args.Context.GetRequestMessage()?.Options.TryGetValue(JiraClient.StatsKey, out var stats) == true)
            {
                stats.AddRetry();
            }

            return default;
        };

        // The whole call may wait out every attempt and the longest back-offs; the breaker must sample longer than an attempt.
        resilience.TotalRequestTimeout.Timeout =
            (options.RequestTimeout * (options.MaxRetries + 1)) + (resilience.Retry.MaxDelay.Value * options.MaxRetries);
        resilience.CircuitBreaker.SamplingDuration = options.RequestTimeout * 2;
    }
}
