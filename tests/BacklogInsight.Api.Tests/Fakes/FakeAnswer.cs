using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BacklogInsight.Api.Tests.Fakes;

/// <summary>One rendered answer of a fake server: what it counts the request as, and the bytes it sends back.</summary>
public sealed record FakeAnswer(string Kind, int Status, string ContentType, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    /// <summary>Renders an answer's JSON once, into bytes that can be sent again.</summary>
    public static FakeAnswer Render(
        string kind, int status, string contentType, IReadOnlyList<(string Name, string Value)> headers, Action<Utf8JsonWriter> write)
    {
        var rendered = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(rendered))
        {
            write(json);
        }

        return new FakeAnswer(kind, status, contentType, headers, rendered.WrittenSpan.ToArray());
    }

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
