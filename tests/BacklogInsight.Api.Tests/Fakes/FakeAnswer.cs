using Microsoft.AspNetCore.Http;

namespace BacklogInsight.Api.Tests.Fakes;

/// <summary>One rendered answer of a fake server: what it counts the request as, and the bytes it sends back.</summary>
public sealed record FakeAnswer(string Kind, int Status, string ContentType, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, cancellationToken);
    }
}
