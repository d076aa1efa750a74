namespace BacklogInsight.Sources.Http;

/// <summary>
/// Reads each answer's body completely inside the resilience pipeline (it sits below the retry and attempt timeout).
/// A connection reset or a stall in the middle of a body then fails the attempt, which is retried like any other
/// transient failure, instead of surfacing later, while the caller parses, as an error that stops the sync.
/// </summary>
public sealed class ContentBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
