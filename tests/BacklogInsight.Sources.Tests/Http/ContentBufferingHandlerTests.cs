using System.Net;
using BacklogInsight.Sources.AzureDevOps;
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

    private static ServiceProvider CreateSut(string client, HttpMessageHandler server)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
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
