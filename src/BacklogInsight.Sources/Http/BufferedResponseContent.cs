using System.Buffers;
using System.Net;

namespace BacklogInsight.Sources.Http;

/// <summary>
/// An answer's body read completely into one buffer rented from the shared pool (returned when the answer is
/// disposed), so readers parse it straight from memory: no second copy, no large-object-heap array per big page.
/// </summary>
public sealed class BufferedResponseContent : HttpContent
{
    private byte[]? _buffer;

    private BufferedResponseContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>The body's length in bytes.</summary>
    public int Length { get; }

    /// <summary>The body; valid until the content (or its response) is disposed.</summary>
    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(BufferedResponseContent))).AsSpan(0, Length);

    /// <summary>Reads <paramref name="source"/> to its end, failing once it holds more than <paramref name="limit"/> bytes.</summary>
    /// <exception cref="OutboundResponseTooLargeException">The body is larger than <paramref name="limit"/>.</exception>
    public static async Task<BufferedResponseContent> ReadAsync(HttpContent source, long limit, CancellationToken cancellationToken)
    {
        var declared = source.Headers.ContentLength;
        if (declared > limit)
        {
            throw new OutboundResponseTooLargeException(limit);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(declared is { } known ? (int)Math.Max(known, 1) : 16 * 1024);
        var length = 0;
        try
        {
            await using var stream = await source.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= limit)
                    {
                        // One byte more than the limit tells a body of exactly the limit from a larger one.
                        var probe = new byte[1];
                        if (await stream.ReadAsync(probe, cancellationToken) > 0)
                        {
                            throw new OutboundResponseTooLargeException(limit);
                        }

                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min((long)buffer.Length * 2, limit), Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, (int)Math.Min(buffer.Length - length, limit - length + 1)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    throw new OutboundResponseTooLargeException(limit);
                }
            }
        }
        catch (IOException ex)
        {
            // As HttpContent.LoadIntoBufferAsync does: a body cut short is a transient HTTP failure, retried like one.
            ArrayPool<byte>.Shared.Return(buffer);
            throw new HttpRequestException($"The answer's body broke off after {length} bytes: {ex.Message}", ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        var content = new BufferedResponseContent(buffer, length);
        foreach (var header in source.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Headers.ContentLength = length;
        return content;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Memory()).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Memory(), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(CreateStream());

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult<Stream>(CreateStream());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => CreateStream();

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> Memory() =>
        (_buffer ?? throw new ObjectDisposedException(nameof(BufferedResponseContent))).AsMemory(0, Length);

    private MemoryStream CreateStream() =>
        new(_buffer ?? throw new ObjectDisposedException(nameof(BufferedResponseContent)), 0, Length, writable: false);
}
