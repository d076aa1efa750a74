using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Api.Infrastructure.Security;

/// <summary>
/// Requests per key (or token subject; per address for callers without one) in a fixed window; over it, 429 with
/// <c>Retry-After</c> and a problem. Health checks are never limited.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddBacklogRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AccessOptions>>((limiter, access) =>
        {
            var permits = access.Value.RateLimitPermits;
            var window = access.Value.RateLimitWindow;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirst(ApiScopes.CallerClaimType)?.Value
        ?? "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This key made more requests than Security:RateLimitPermits allows; try again in {seconds} seconds.",
            },
        });
    }
}
