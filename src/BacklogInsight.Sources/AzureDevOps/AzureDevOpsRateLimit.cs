using System.Globalization;
using System.Net.Http.Headers;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// What an answer's <c>Retry-After</c> and <c>X-RateLimit-*</c> headers ask of the client: how long to hold the next
/// request back. All of them may come on a successful (delayed) answer, and before delays begin.
/// </summary>
internal static class AzureDevOpsRateLimit
{
    /// <summary><c>Retry-After</c> in seconds (a decimal is tolerated) or as an HTTP date, capped at <paramref name="max"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider, TimeSpan max)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta
            ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : (TimeSpan?)null)
            ?? (Header(response.Headers, "Retry-After") is { } text
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    ? TimeSpan.FromSeconds(seconds)
                    : (TimeSpan?)null);
        return wait is { } value ? (value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value) : null;
    }

    /// <summary>The pause before the next request: <c>Retry-After</c>, or a short pause when few TSTUs remain.</summary>
    public static TimeSpan PauseAfter(HttpResponseMessage response, TimeProvider timeProvider, AzureDevOpsOptions options)
    {
        var pause = RetryAfter(response, timeProvider, options.MaxRetryAfter) ?? TimeSpan.Zero;
        if (Number(response.Headers, "X-RateLimit-Remaining") is { } remaining
            && Number(response.Headers, "X-RateLimit-Limit") is { } limit and > 0
            && remaining < limit * options.LowRemainingShare
            && pause < options.LowRemainingPause)
        {
            pause = options.LowRemainingPause;
        }

        return pause;
    }

    /// <summary>The throttled resource, for a human to read (never computed with).</summary>
    public static string? Resource(HttpResponseMessage response) => Header(response.Headers, "X-RateLimit-Resource");

    private static double? Number(HttpResponseHeaders headers, string name) =>
        Header(headers, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
