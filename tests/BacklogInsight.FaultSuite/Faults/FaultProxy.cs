using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.FaultSuite.Faults;

/// <summary>The rate-limit and error conventions of the tracker behind the proxy.</summary>
public enum TrackerFlavor
{
    Jira,
    AzureDevOps,
}

/// <summary>
/// A reverse proxy on loopback (Kestrel, a free port) in front of a fake tracker. It forwards every request and
/// answer faithfully unless its <see cref="FaultPlan"/> says otherwise, and counts what it injected.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    /// <summary>How long a <see cref="FaultKind.Slow"/> answer waits: beyond the client timeout the suite configures.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(3.5);

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamRoot;
    private readonly TrackerFlavor _flavor;
    private readonly Func<string, string, string> _classify;
    private readonly ConcurrentDictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<FaultKind, int> _injected = new();
    private long _number;

    /// <summary>FAULT_SUITE_TRACE=1 prints every request and the fault it met.</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("FAULT_SUITE_TRACE") == "1";

    private FaultProxy(WebApplication app, Uri upstreamRoot, TrackerFlavor flavor, Func<string, string, string> classify)
    {
        _app = app;
        _upstreamRoot = upstreamRoot;
        _flavor = flavor;
        _classify = classify;
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public FaultPlan Plan { get; set; } = FaultPlan.Clean();

    /// <summary>The upstream base URL with the proxy's address: the same path, another authority.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Faults injected so far, plus those the scenario counts itself (kills, locks).</summary>
    public int Injected => _injected.Values.Sum();

    public IReadOnlyDictionary<FaultKind, int> InjectedByKind => new Dictionary<FaultKind, int>(_injected);

    /// <summary>Requests answered (faulted or not).</summary>
    public long Requests => Interlocked.Read(ref _number);

    /// <param name="upstream">The fake's base URL (its path is kept).</param>
    /// <param name="classify">Names the kind of a request from its method and path (search, changelog, wiql, …).</param>
    public static async Task<FaultProxy> StartAsync(Uri upstream, TrackerFlavor flavor, Func<string, string, string> classify)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var root = new Uri(upstream.GetLeftPart(UriPartial.Authority) + "/");
        var proxy = new FaultProxy(app, root, flavor, classify);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        proxy.BaseUrl = new Uri(address.TrimEnd('/') + upstream.PathAndQuery);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var plan = Plan;
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var identity = $"{request.Method} {pathAndQuery} {body}";
        var proxied = new ProxiedRequest(
            request.Method, pathAndQuery, body, _classify(request.Method, request.Path.Value ?? string.Empty),
            _occurrences.AddOrUpdate(identity, 1, (_, n) => n + 1), Interlocked.Increment(ref _number));
        var fault = plan.Enabled ? plan.Decide(proxied) : Fault.None;
        if (Trace)
        {
            Console.WriteLine($"    proxy #{proxied.Number} {proxied.Kind} {request.Method} {request.Path} occurrence {proxied.Occurrence}: {fault.Kind}");
        }

        if (fault.Kind != FaultKind.None)
        {
            _injected.AddOrUpdate(fault.Kind, 1, (_, n) => n + 1);
        }

        if (plan.Latency > TimeSpan.Zero)
        {
            await Task.Delay(plan.Latency, context.RequestAborted);
        }

        switch (fault.Kind)
        {
            case FaultKind.Throttled:
                await ThrottleAsync(context.Response, context.RequestAborted);
                return;
            case FaultKind.Unavailable:
                await UnavailableAsync(context.Response, plan.Chance(proxied, 7) < 0.5, context.RequestAborted);
                return;
            case FaultKind.ResetBeforeAnswer:
                context.Abort();
                return;
            case FaultKind.Slow:
                try
                {
                    await Task.Delay(SlowDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should; nothing to answer.
                    return;
                }

                break;
        }

        if (plan.Enabled && plan.RewriteRequestBody is { } rewriteRequest && body.Length > 0)
        {
            body = rewriteRequest(proxied, body);
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstreamRoot, pathAndQuery.TrimStart('/')));
        foreach (var header in new[] { "Authorization", "Accept", "X-TFS-FedAuthRedirect" })
        {
            if (request.Headers.TryGetValue(header, out var values))
            {
                forward.Headers.TryAddWithoutValidation(header, (IEnumerable<string>)values!);
            }
        }

        if (request.ContentLength > 0 || body.Length > 0)
        {
            forward.Content = new StringContent(body, Encoding.UTF8);
            forward.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
        }

        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        var answerBody = await answer.Content.ReadAsStringAsync(context.RequestAborted);
        if (plan.Enabled && answer.IsSuccessStatusCode && plan.RewriteAnswerBody is { } rewriteAnswer)
        {
            answerBody = rewriteAnswer(proxied, answerBody);
        }

        if (plan.Enabled && plan.AfterAnswerAsync is { } after && answer.IsSuccessStatusCode)
        {
            await after(proxied);
        }

        var bytes = Encoding.UTF8.GetBytes(answerBody);
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        response.ContentType = answer.Content.Headers.ContentType?.ToString() ?? "application/json";
        foreach (var header in answer.Headers.Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase)
            || h.Key.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase) || h.Key == "Retry-After"))
        {
            response.Headers[header.Key] = header.Value.ToArray();
        }

        switch (fault.Kind)
        {
            case FaultKind.ResetMidAnswer:
                // Status, headers and half the promised body reach the client before the connection drops.
                response.ContentLength = bytes.Length;
                context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
                await response.StartAsync(context.RequestAborted);
                await response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromMilliseconds(100), context.RequestAborted);
                context.Abort();
                return;
            case FaultKind.TruncatedJson:
                bytes = bytes.AsSpan(0, Math.Max(1, bytes.Length * 3 / 5)).ToArray();
                response.StatusCode = 200;
                break;
            case FaultKind.MalformedJson:
                bytes = plan.Chance(proxied, 11) < 0.5
                    ? [.. bytes, .. "}{\"truncated\":"u8.ToArray()]
                    : "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"u8.ToArray();
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                break;
        }

        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task ThrottleAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        response.StatusCode = 429;
        response.Headers.RetryAfter = "1";
        response.Headers["X-RateLimit-Limit"] = "200";
        response.Headers["X-RateLimit-Remaining"] = "0";
        if (_flavor == TrackerFlavor.Jira)
        {
            // Jira Cloud: reset as an ISO instant without seconds; a reason naming the burst limit.
            response.Headers["X-RateLimit-Reset"] = now.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-NearLimit"] = "true";
            response.Headers["RateLimit-Reason"] = "jira-burst-based";
            response.ContentType = "application/json;charset=UTF-8";
            await response.WriteAsync("""{"errorMessages":["Rate limit exceeded."],"errors":{}}""", cancellationToken);
            return;
        }

        // Azure DevOps Services: TSTU headers, the reset as epoch seconds, a TF400733 body.
        response.Headers["X-RateLimit-Resource"] = "Core.TSTU";
        response.Headers["X-RateLimit-Delay"] = "0";
        response.Headers["X-RateLimit-Reset"] = now.AddMinutes(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(
            """{"$id":"1","innerException":null,"message":"TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'Core.TSTU' in namespace 'User'.","typeKey":"RequestBlockedException","errorCode":0,"eventId":3000}""",
            cancellationToken);
    }

    private static async Task UnavailableAsync(HttpResponse response, bool withRetryAfter, CancellationToken cancellationToken)
    {
        response.StatusCode = 503;
        if (withRetryAfter)
        {
            response.Headers.RetryAfter = "1";
        }

        // Gateways answer 503 with a page of their own, not the tracker's JSON.
        response.ContentType = "text/html";
        await response.WriteAsync("<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>", cancellationToken);
    }
}
