using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// Every endpoint the running service maps, read from its endpoint data source, so an endpoint added later is covered
/// by the security tests without touching them.
/// </summary>
public sealed record EndpointCatalogue(string Method, string Pattern, string Url, bool AllowsAnonymous)
{
    public static IReadOnlyList<EndpointCatalogue> Read(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Select(method => new EndpointCatalogue(
                    method,
                    "/" + endpoint.RoutePattern.RawText?.TrimStart('/'),
                    UrlOf(endpoint.RoutePattern),
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .DistinctBy(e => (e.Method, e.Pattern))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ToList();

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>A URL the pattern matches: route values chosen to satisfy its constraints.</summary>
    private static string UrlOf(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternSeparatorPart separator => separator.Content,
        RoutePatternParameterPart parameter => ValueFor(parameter),
        _ => string.Empty,
    }))));

    private static string ValueFor(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty).ToList();
        return constraints.Contains("guid") ? Guid.NewGuid().ToString()
            : constraints.Any(c => c is "int" or "long") ? "1"
            : parameter.Name.Contains("week", StringComparison.OrdinalIgnoreCase) ? "2026-W10"
            : "x";
    }
}
