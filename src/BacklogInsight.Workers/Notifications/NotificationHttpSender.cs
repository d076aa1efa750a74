using System.Text;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Workers.Notifications;

/// <summary>
/// Posts a JSON body to a receiver once and says what came of it. Redirects are not followed (a webhook that moved
/// must be reconfigured), and the answer is read only up to a short excerpt. Error texts never contain the URL.
/// </summary>
public sealed class NotificationHttpSender(IHttpClientFactory clients, IOptions<NotificationsOptions> options)
{
    public const string ClientName = "notifications";
    private const int ReplyExcerpt = 300;

    public async Task<AttemptResult> PostJsonAsync(
        string url, string body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var reply = await ExcerptAsync(response, cancellationToken);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return AttemptResult.Success(code, reply);
            }

            var retryable = code is 408 or 425 or 429 || code >= 500;
            var answer = $"The receiver answered {code} {response.ReasonPhrase}".TrimEnd() + (string.IsNullOrWhiteSpace(reply) ? "." : $": {reply}");
            return AttemptResult.Failure(retryable ? answer : answer + " Not retried: the request itself was refused.", retryable, code, reply);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Failure($"No answer within {options.Value.RequestTimeout.TotalSeconds:0} s.", retryable: true);
        }
        catch (HttpRequestException exception)
        {
            return AttemptResult.Failure($"Could not reach the receiver: {exception.Message}", retryable: true);
        }
    }

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[ReplyExcerpt];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        var text = new string(buffer, 0, read).Trim();
        return text.Length == 0 ? null : text;
    }
}
