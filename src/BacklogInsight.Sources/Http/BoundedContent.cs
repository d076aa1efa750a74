using System.Net;

namespace BacklogInsight.Sources.Http;

/// <summary>An answer's body that stops with <see cref="OutboundResponseTooLargeException"/> after <c>limit</c> bytes.</summary>
internal sealed class BoundedContent(HttpContent inner, long limit) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var source = await CreateContentReadStreamAsync();
        await source.CopyToAsync(stream);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var source = await CreateContentReadStreamAsync(cancellationToken);
        await source.CopyToAsync(stream, cancellationToken);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync() => new BoundedReadStream(await inner.ReadAsStreamAsync(), limit);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new BoundedReadStream(await inner.ReadAsStreamAsync(cancellationToken), limit);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
