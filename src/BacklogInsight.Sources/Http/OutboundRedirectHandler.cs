using System.Net;
using Microsoft.Extensions.Options;

namespace BacklogInsight.Sources.Http;

/// <summary>
/// The outermost handler of a guarded client: refuses URLs the <see cref="OutboundGuard"/> does not allow, and follows a
/// GET's redirect only to the same host (and port, or from http to https), at most <see cref="OutboundOptions.MaxRedirects"/>
/// times. Any other redirect is handed back unfollowed, so the token is never sent to a host the connection did not name.
/// </summary>
internal sealed class OutboundRedirectHandler(OutboundGuard guard, IOptionsMonitor<OutboundOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Refuse(request.RequestUri);
        var response = await base.SendAsync(request, cancellationToken);
        var current = request;
        for (var hop = 0; hop < options.CurrentValue.MaxRedirects && NextHop(current, response) is { } target; hop++)
        {
            response.Dispose();
            var next = new HttpRequestMessage(current.Method, target) { Version = current.Version, VersionPolicy = current.VersionPolicy };
            foreach (var header in current.Headers)
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (var option in current.Options)
            {
                ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
            }

            current = next;
            response = await base.SendAsync(current, cancellationToken);
        }

        return response;
    }

    private void Refuse(Uri? url)
    {
        if (url is not null && guard.CheckUrl(url) is { } problem)
        {
            throw new OutboundRequestRefusedException(problem);
        }
    }

    private Uri? NextHop(HttpRequestMessage request, HttpResponseMessage response)
    {
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308)
            || response.Headers.Location is not { } location
            || request.RequestUri is not { } from
            || (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head))
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        var sameOrigin = string.Equals(target.IdnHost, from.IdnHost, StringComparison.OrdinalIgnoreCase)
            && ((target.Scheme == from.Scheme && target.Port == from.Port) || (target.Scheme == Uri.UriSchemeHttps && from.Scheme == Uri.UriSchemeHttp));
        return sameOrigin && guard.CheckUrl(target) is null ? target : null;
    }
}
