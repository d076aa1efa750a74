using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BacklogInsight.Sources.Http;

namespace BacklogInsight.Sources.Jira;

/// <summary>Turns Jira answers into wire records, or into a <see cref="JiraSourceException"/> that says what to do.</summary>
internal static class JiraResponseReader
{
    private const int MaxQuotedBody = 300;

    /// <exception cref="JiraSourceException">The answer is an error, not JSON, or malformed JSON.</exception>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, what, cancellationToken);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new JiraSourceException(
                mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)
                    ? $"Jira answered {what} with a web page instead of JSON. The base URL is probably not the Jira site "
                      + "(check it, including any context path such as /jira), or a login or proxy page is in the way."
                    : $"Jira answered {what} with '{mediaType}' instead of JSON; check the base URL.",
                response.StatusCode);
        }

        try
        {
            if (response.Content is BufferedResponseContent buffered)
            {
                // Read completely inside the resilience pipeline: parsed from that buffer, not copied through a stream.
                return JsonSerializer.Deserialize<T>(buffered.Span, JiraJson.Options) ?? throw new JsonException("The answer was JSON null.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync<T>(stream, JiraJson.Options, cancellationToken)
                ?? throw new JsonException("The answer was JSON null.");
        }
        catch (JsonException ex)
        {
            throw new JiraSourceException(
                $"Jira answered {what} with malformed or unexpected JSON ({ex.Message}). Nothing from this answer was used; "
                + "the next sync retries from the last checkpoint.",
                response.StatusCode,
                ex);
        }
    }

    /// <summary>The exception for a failed answer, with Jira's own error messages when it gave any.</summary>
    public static async Task<JiraSourceException> FailureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(response, cancellationToken);
        var suffix = detail is null ? string.Empty : $" Jira said: {detail}";
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                "Jira did not accept the credentials (401 Unauthorized). Check the e-mail and API token (Cloud API tokens expire), "
                + "or the personal access token on Data Center, and that a token with scopes is not used with the site URL.",
            HttpStatusCode.Forbidden when Header(response, "X-Authentication-Denied-Reason") is { } reason =>
                $"Jira Data Center refused the login ({reason}). After failed logins it demands a CAPTCHA: log in once in a browser, "
                + "or use a personal access token.",
            HttpStatusCode.Forbidden =>
                $"Jira refused {what} (403 Forbidden): the account lacks a permission or a Jira Software licence.",
            HttpStatusCode.NotFound =>
                $"Jira answered 404 Not Found for {what}: the base URL may be wrong, or it does not exist or the account cannot see it.",
            HttpStatusCode.Gone =>
                $"Jira says the API used for {what} has been removed (410 Gone); this deployment setting may be wrong (Cloud vs Data Center).",
            HttpStatusCode.BadRequest => $"Jira refused {what} as a bad request (400).",
            HttpStatusCode.TooManyRequests =>
                $"Jira kept rate-limiting {what} (429 Too Many Requests) after every retry. The sync stopped and resumes from its checkpoint.",
            >= HttpStatusCode.InternalServerError =>
                $"Jira kept failing {what} with {(int)response.StatusCode} {response.ReasonPhrase} after every retry. "
                + "The sync stopped and resumes from its checkpoint.",
            _ => $"Jira answered {what} with {(int)response.StatusCode} {response.ReasonPhrase}.",
        };
        return new JiraSourceException(message + suffix, response.StatusCode);
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(body) || IsHtml(response.Content.Headers.ContentType))
        {
            return null;
        }

        try
        {
            var errors = JsonSerializer.Deserialize<JiraErrorCollection>(body, JiraJson.Options);
            var parts = (errors?.ErrorMessages ?? []).Concat((errors?.Errors ?? new Dictionary<string, string>()).Select(e => $"{e.Key}: {e.Value}"));
            var joined = string.Join(" ", parts.Append(errors?.Message).Where(p => !string.IsNullOrWhiteSpace(p)));
            return joined.Length == 0 ? null : joined;
        }
        catch (JsonException)
        {
            return body.Length <= MaxQuotedBody ? body.Trim() : string.Concat(body.AsSpan(0, MaxQuotedBody), "…");
        }
    }

    private static bool IsHtml(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
