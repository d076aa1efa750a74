using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>
/// A real webhook receiver on loopback (Kestrel, a free port) that behaves as the README tells receivers to: it
/// recomputes the HMAC-SHA256 signature over timestamp + "." + body with its own code, refuses a bad signature or a
/// timestamp more than five minutes off (401), and de-duplicates on the <c>Idempotency-Key</c> header. It can be told
/// to fail the next requests, and it records everything it was sent.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<int> _scripted = new();
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, string? signingSecret, TimeProvider clock)
    {
        _app = app;
        SigningSecret = signingSecret;
        Clock = clock;
    }

    public string? SigningSecret { get; }

    public TimeProvider Clock { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request, in arrival order, with what it was answered.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToList();

    /// <summary>How many times each idempotency key was accepted (answered 2xx with a valid signature).</summary>
    public IReadOnlyDictionary<string, int> AcceptedByKey => new Dictionary<string, int>(_accepted, StringComparer.Ordinal);

    /// <summary>Messages this receiver processed: accepted and not seen before.</summary>
    public int MessagesProcessed => _accepted.Count;

    /// <param name="signingSecret">Verify signatures with it; null: accept unsigned requests (Slack, Teams).</param>
    /// <param name="clock">The receiver's clock for the timestamp check (the tests' fake time).</param>
    public static async Task<WebhookReceiver> StartAsync(string? signingSecret, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, signingSecret, clock);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public string Url(string path = "hook") => new Uri(BaseUrl, path).ToString();

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> instead of processing them.</summary>
    public void FailNext(int count, int status = StatusCodes.Status500InternalServerError)
    {
        for (var i = 0; i < count; i++)
        {
            _scripted.Enqueue(status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var signatureValid = SigningSecret is null || Verify(headers, body);
        var status = _scripted.TryDequeue(out var scripted) ? scripted : signatureValid ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
        if (status is >= 200 and < 300)
        {
            _accepted.AddOrUpdate(headers.GetValueOrDefault("Idempotency-Key") ?? body, 1, (_, n) => n + 1);
        }

        _requests.Enqueue(new ReceivedRequest(context.Request.Path, headers, body, status, signatureValid));
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status is >= 200 and < 300 ? "ok" : "receiver says no");
    }

    private bool Verify(IReadOnlyDictionary<string, string> headers, string body)
    {
        if (!headers.TryGetValue("X-BacklogInsight-Timestamp", out var timestamp)
            || !headers.TryGetValue("X-BacklogInsight-Signature", out var signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if ((Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret!), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}
