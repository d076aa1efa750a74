using System.Net;
using System.Text.Json;
using BacklogInsight.Sources.Http;

namespace BacklogInsight.Sources.AzureDevOps;

/// <summary>
/// Turns Azure DevOps answers into wire records, or into an <see cref="AzureDevOpsSourceException"/> that says what to do.
/// A call succeeded only when the status is 2xx but not 203 and the body is JSON: Services answers a bad or expired
/// token with a 203 sign-in page.
/// </summary>
internal static class AzureDevOpsResponseReader
{
    private const int MaxQuotedBody = 300;

    private const string SignInPage =
        "Azure DevOps answered {0} with a sign-in page instead of data: the personal access token is wrong, expired or "
        + "revoked, or was stored with extra characters. Create a new token with the Work Items (Read) and Project and Team (Read) "
        + "scopes and store it as the connection's \"token\" secret.";

    /// <exception cref="AzureDevOpsSourceException">The answer is an error, a sign-in page, not JSON, or malformed JSON.</exception>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var isHtml = mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true;
        if (response.StatusCode == HttpStatusCode.NonAuthoritativeInformation
            || ((int)response.StatusCode is >= 300 and < 400))
        {
            throw new AzureDevOpsSourceException(string.Format(System.Globalization.CultureInfo.InvariantCulture, SignInPage, what), response.StatusCode);
        }

        if (response.IsSuccessStatusCode && isHtml)
        {
            throw new AzureDevOpsSourceException(
                $"Azure DevOps answered {what} with an HTML page instead of data: either the base URL is not the organisation or "
                + "collection URL (https://dev.azure.com/{organisation} or https://{server}/tfs/{collection}), or the page is a "
                + "sign-in page because the personal access token was not accepted.",
                response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, what, cancellationToken);
        }

        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new AzureDevOpsSourceException(
                $"Azure DevOps answered {what} with '{mediaType}' instead of JSON; check the base URL "
                + "(https://dev.azure.com/{{organisation}} or https://{{server}}/tfs/{{collection}}).",
                response.StatusCode);
        }

        try
        {
            if (response.Content is BufferedResponseContent buffered)
            {
                // Read completely inside the resilience pipeline: parsed from that buffer, not copied through a stream.
                return JsonSerializer.Deserialize<T>(buffered.Span, AzureDevOpsJson.Options) ?? throw new JsonException("The answer was JSON null.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync<T>(stream, AzureDevOpsJson.Options, cancellationToken)
                ?? throw new JsonException("The answer was JSON null.");
        }
        catch (JsonException ex)
        {
            throw new AzureDevOpsSourceException(
                $"Azure DevOps answered {what} with malformed or unexpected JSON ({ex.Message}). Nothing from this answer was used; "
                + "the next sync retries from the last checkpoint.",
                response.StatusCode,
                innerException: ex);
        }
    }

    /// <summary>The exception for a failed answer, with Azure DevOps' own message and code when it gave them.</summary>
    public static async Task<AzureDevOpsSourceException> FailureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var detail = await DetailAsync(response, cancellationToken);
        var code = detail is not null && detail.Length > 3 && detail.IndexOf(':', StringComparison.Ordinal) is > 2 and < 12 and var colon
            && detail[..colon].All(char.IsAsciiLetterOrDigit)
                ? detail[..colon]
                : null;
        var suffix = detail is null ? string.Empty : $" Azure DevOps said: {detail}";
        var message = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized =>
                "Azure DevOps did not accept the personal access token (401 Unauthorized): it has expired or been revoked, "
                + "or lacks the Work Items (Read) and Project and Team (Read) scopes. On Azure DevOps Server, IIS Basic "
                + "authentication must be off for tokens to work.",
            HttpStatusCode.Forbidden =>
                $"Azure DevOps refused {what} (403 Forbidden): the token's account lacks a permission or the token a scope.",
            HttpStatusCode.NotFound when code == "TF200016" =>
                $"Azure DevOps does not know a followed project ({what}, 404): it was renamed or deleted, or the token's account cannot see it. "
                + "Check the \"projects\" setting.",
            HttpStatusCode.NotFound =>
                $"Azure DevOps answered 404 Not Found for {what}: the project or team does not exist (or was renamed), the account "
                + "cannot see it, or the base URL is not the organisation or collection URL.",
            HttpStatusCode.BadRequest when code == AzureDevOpsSourceException.QueryTooLarge =>
                $"The work item query of {what} matched more work items than Azure DevOps returns at once.",
            HttpStatusCode.BadRequest when detail?.Contains("-preview", StringComparison.OrdinalIgnoreCase) == true =>
                $"Azure DevOps refused the api-version of {what}: this resource needs a preview version; set \"commentsApiVersion\".",
            HttpStatusCode.BadRequest => $"Azure DevOps refused {what} as a bad request (400).",
            HttpStatusCode.TooManyRequests =>
                $"Azure DevOps kept rate-limiting {what} (429 Too Many Requests) after every retry. The sync stopped and resumes from its checkpoint.",
            >= HttpStatusCode.InternalServerError =>
                $"Azure DevOps kept failing {what} with {(int)response.StatusCode} {response.ReasonPhrase} after every retry. "
                + "The sync stopped and resumes from its checkpoint.",
            _ => $"Azure DevOps answered {what} with {(int)response.StatusCode} {response.ReasonPhrase}.",
        };
        return new AzureDevOpsSourceException(message + suffix, response.StatusCode, code);
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

        if (string.IsNullOrWhiteSpace(body) || response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<AdoError>(body, AzureDevOpsJson.Options)?.Message;
            return string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        }
        catch (JsonException)
        {
            return body.Length <= MaxQuotedBody ? body.Trim() : string.Concat(body.AsSpan(0, MaxQuotedBody), "…");
        }
    }
}
