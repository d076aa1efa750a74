using System.Net;
using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Sources.Http;
using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Sources.Tests.Http;

/// <summary>
/// A connection that drops in the middle of an answer's body is retried by the registered clients' resilience
/// pipeline, like a reset before the answer, instead of failing later while the body is parsed.
/// </summary>
[TestFixture]
public sealed class ContentBufferingHandlerTests
{
    private const string Body = """{"values":[1,2,3,4,5,6,7,8,9,10]}""";

    [TestCase(JiraClient.HttpClientName)]
    [TestCase(AzureDevOpsClient.HttpClientName)]
    public async Task Send_BodyCutOffOnce_IsRetriedAndTheWholeBodyArrives(string client)
    {
        var server = new BodyCutOffOnceHandler();
        using var services = CreateSut(client, server);

        using var response = await services.GetRequiredService<IHttpClientFactory>().CreateClient(client)
            .GetAsync(new Uri("https://tracker.invalid/rest/api/3/field"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Multiple(async () =>
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(Body));
            Assert.That(server.Calls, Is.EqualTo(2), "the cut-off answer was asked for again");
        });
    }

    [TestCase(JiraClient.HttpClientName)]
    [TestCase(AzureDevOpsClient.HttpClientName)]
    public void Send_BodyWithoutLengthLargerThanTheLimit_FailsWhileBufferingAndIsNotRetried(string client)
    {
        var server = new LargeStreamedBodyHandler(5000);
        using var services = CreateSut(client, server, new Dictionary<string, string?> { ["Security:Outbound:MaxResponseBytes"] = "2048" });

        var error = Assert.ThrowsAsync<OutboundResponseTooLargeException>(() =>
            services.GetRequiredService<IHttpClientFactory>().CreateClient(client)
                .GetAsync(new Uri("https://tracker.invalid/rest/api/3/field"), HttpCompletionOption.ResponseHeadersRead));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("2048"));
            Assert.That(server.Calls, Is.EqualTo(1), "a refused answer is not asked for again");
            Assert.That(server.BytesRead, Is.LessThanOrEqualTo(2048 + 1), "reading stopped at the limit");
        });
    }

    [TestCase(JiraClient.HttpClientName)]
    [TestCase(AzureDevOpsClient.HttpClientName)]
    public async Task Send_BodyWithoutLengthOfExactlyTheLimit_ArrivesWhole(string client)
    {
        var server = new LargeStreamedBodyHandler(2048);
        using var services = CreateSut(client, server, new Dictionary<string, string?> { ["Security:Outbound:MaxResponseBytes"] = "2048" });

        using var response = await services.GetRequiredService<IHttpClientFactory>().CreateClient(client)
            .GetAsync(new Uri("https://tracker.invalid/rest/api/3/field"), HttpCompletionOption.ResponseHeadersRead);

        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(2048));
    }

    private static ServiceProvider CreateSut(string client, HttpMessageHandler server, Dictionary<string, string?>? configuration = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build());
        services.AddJiraSource();
        services.AddAzureDevOpsSource();
        services.Configure<JiraOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
        services.Configure<AzureDevOpsOptions>(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1));
        services.AddHttpClient(client).ConfigurePrimaryHttpMessageHandler(() => server);
        return services.BuildServiceProvider();
    }

    /// <summary>The tracker's side: the first answer's body breaks off after a few bytes, as when the connection resets.</summary>
    private sealed class BodyCutOffOnceHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var first = Interlocked.Increment(ref _calls) == 1;
            var body = System.Text.Encoding.UTF8.GetBytes(Body);
            HttpContent content = first ? new StreamContent(new CutOffStream(body, body.Length / 2)) : new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>The tracker's side: a body of <c>size</c> bytes streamed without a Content-Length (chunked).</summary>
    private sealed class LargeStreamedBodyHandler(int size) : HttpMessageHandler
    {
        private int _calls;
        private CountingStream? _body;

        public int Calls => _calls;

        public long BytesRead => _body?.BytesRead ?? 0;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            _body = new CountingStream(new byte[size]);
            var content = new StreamContent(_body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A body whose length is not known in advance (no Content-Length), read in pieces of at most 512 bytes.</summary>
    private sealed class CountingStream(byte[] body) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = (int)Math.Min(Math.Min(buffer.Length, 512), body.Length - BytesRead);
            body.AsSpan((int)BytesRead, read).CopyTo(buffer);
            BytesRead += read;
            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Gives the first <c>cut</c> bytes, then fails as a socket reset would.</summary>
    private sealed class CutOffStream(byte[] body, int cut) : MemoryStream(body, 0, cut)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, count) is > 0 and var read ? read : throw new IOException("Connection reset by peer.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer.Span);
            return ValueTask.FromResult(read);
        }
    }
}
