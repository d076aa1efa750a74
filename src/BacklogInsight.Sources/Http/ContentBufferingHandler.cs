using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Http;

/// <summary>
/// Reads each answer's body completely inside the resilience pipeline (it sits below the retry and attempt timeout).
/// A connection reset or a stall in the middle of a body then fails the attempt, which is retried like any other
/// transient failure, instead of surfacing later, while the caller parses, as an error that stops the sync.
/// The body goes into one pooled buffer bounded by <see cref="OutboundOptions.MaxResponseBytes"/>: a larger answer
/// fails here, before it is held in memory, and readers parse the buffer without copying it again.
/// </summary>
public sealed class ContentBufferingHandler(IOptionsMonitor<OutboundOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            var original = response.Content;
            response.Content = await BufferedResponseContent.ReadAsync(original, options.CurrentValue.MaxResponseBytes, cancellationToken);
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
