using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Http;

/// <summary>
/// Bounds a tracker's answer to <see cref="OutboundOptions.MaxResponseBytes"/>: refused at once when its
/// <c>Content-Length</c> says it is larger, and cut off while streaming when it turns out larger.
/// </summary>
internal sealed class OutboundResponseLimitHandler(IOptionsMonitor<OutboundOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.MaxResponseBytes;
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength > limit)
        {
            response.Dispose();
            throw new OutboundResponseTooLargeException(limit);
        }

        if (response.Content is BufferedResponseContent buffered && buffered.Length <= limit)
        {
            // Read completely already (ContentBufferingHandler) and within the bound: nothing left to count.
            return response;
        }

        var bounded = new BoundedContent(response.Content, limit);
        foreach (var header in response.Content.Headers)
        {
            bounded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = bounded;
        return response;
    }
}
