using System.Net;
using BacklogInsight.Sources.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BacklogInsight.Sources.Tests.Http;

/// <summary>
/// Server-side request forgery: the trackers' HTTP clients, wired as the host wires them, asked to reach addresses a
/// user could type in. Refusals happen when the socket connects, so a host name is judged by what it resolves to then.
/// </summary>
[TestFixture]
public sealed class OutboundGuardTests
{
    private WireMockServer _server = null!;
    private WireMockServer _otherServer = null!;

    [OneTimeSetUp]
    public void StartServers()
    {
        _server = WireMockServer.Start();
        _otherServer = WireMockServer.Start();
    }

    [OneTimeTearDown]
    public void StopServers()
    {
        _server.Dispose();
        _otherServer.Dispose();
    }

    [SetUp]
    public void Reset()
    {
        _server.Reset();
        _otherServer.Reset();
    }

    [TestCase("https://127.0.0.1/", "loopback")]
    [TestCase("https://127.1.2.3:8443/", "loopback")]
    [TestCase("https://[::1]/", "loopback")]
    [TestCase("https://[::ffff:127.0.0.1]/", "loopback")]
    [TestCase("https://169.254.169.254/latest/meta-data/", "link-local")]
    [TestCase("https://[fe80::1]/", "link-local")]
    [TestCase("https://10.0.0.5/", "private")]
    [TestCase("https://172.16.8.1/", "private")]
    [TestCase("https://192.168.1.10/", "private")]
    [TestCase("https://[fd12:3456::1]/", "private")]
    [TestCase("https://100.64.0.1/", "carrier-grade NAT")]
    [TestCase("https://0.0.0.0/", "unspecified")]
    [TestCase("https://224.0.0.1/", "multicast")]
    [TestCase("https://localhost/", "loopback")]
    public void Send_ToANonPublicAddress_IsRefusedBeforeConnecting(string url, string kind)
    {
        using var services = Services();
        using var client = Client(services);

        var error = Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(url)));

        Assert.That(Refusal(error!), Is.Not.Null, error!.ToString());
        Assert.That(Refusal(error!)!.Message, Does.Contain(kind).And.Contain("Security:Outbound:AllowedNetworks"));
    }

    [Test]
    public void Send_PlainHttp_IsRefusedUnlessAllowed()
    {
        using var services = Services(o => o.AllowedNetworks.Add("127.0.0.0/8"));
        using var client = Client(services);

        var error = Assert.ThrowsAsync<OutboundRequestRefusedException>(() => client.GetAsync(new Uri(_server.Urls[0] + "/x")));

        Assert.That(error!.Message, Does.Contain("plain http").And.Contain("Security:Outbound:AllowHttp"));
        Assert.That(_server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Send_ToAnAllowedNetwork_Connects()
    {
        _server.Given(Request.Create().WithPath("/ok")).RespondWith(Response.Create().WithStatusCode(200).WithBody("fine"));
        using var services = Services(o =>
        {
            o.AllowHttp = true;
            o.AllowedNetworks.Add("127.0.0.0/8");
        });
        using var client = Client(services);

        var response = await client.GetAsync(new Uri(LoopbackUrl(_server) + "/ok"));

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("fine"));
    }

    [Test]
    public async Task Send_ToAnAllowedHostName_ConnectsWhateverItResolvesTo()
    {
        _server.Given(Request.Create().WithPath("/ok")).RespondWith(Response.Create().WithStatusCode(200).WithBody("fine"));
        using var services = Services(o =>
        {
            o.AllowHttp = true;
            o.AllowedHosts.Add("localhost");
        });
        using var client = Client(services);

        var response = await client.GetAsync(new Uri($"http://localhost:{_server.Port}/ok"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Send_RedirectedToAnotherHost_IsNotFollowed()
    {
        _server.Given(Request.Create().WithPath("/start")).RespondWith(
            Response.Create().WithStatusCode(302).WithHeader("Location", $"http://localhost:{_otherServer.Port}/stolen"));
        _otherServer.Given(Request.Create().WithPath("/stolen")).RespondWith(Response.Create().WithStatusCode(200));
        using var services = LoopbackServices();
        using var client = Client(services);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(LoopbackUrl(_server) + "/start"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "the-token");

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(_otherServer.LogEntries, Is.Empty, "the token never reaches the other host");
    }

    [Test]
    public async Task Send_RedirectedOnTheSameHost_IsFollowedWithItsHeaders()
    {
        _server.Given(Request.Create().WithPath("/old")).RespondWith(Response.Create().WithStatusCode(301).WithHeader("Location", "/new"));
        _server.Given(Request.Create().WithPath("/new").WithHeader("Authorization", "Bearer the-token"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("moved"));
        using var services = LoopbackServices();
        using var client = Client(services);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(LoopbackUrl(_server) + "/old"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "the-token");

        var response = await client.SendAsync(request);

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("moved"));
    }

    [Test]
    public void Send_AnswerLargerThanTheLimit_FailsWhileReadingIt()
    {
        _server.Given(Request.Create().WithPath("/big")).RespondWith(Response.Create().WithStatusCode(200).WithBody(new string('x', 5000)));
        using var services = LoopbackServices(o => o.MaxResponseBytes = 2048);
        using var client = Client(services);

        var error = Assert.ThrowsAsync<OutboundResponseTooLargeException>(async () =>
        {
            using var response = await client.GetAsync(new Uri(LoopbackUrl(_server) + "/big"), HttpCompletionOption.ResponseHeadersRead);
            await response.Content.ReadAsStringAsync();
        });

        Assert.That(error!.Message, Does.Contain("2048").And.Contain("MaxResponseBytes"));
    }

    [Test]
    public void BoundedStream_LongerThanItsLimit_StopsReading()
    {
        using var stream = new BoundedReadStream(new MemoryStream(new byte[5000]), 4096);

        Assert.ThrowsAsync<OutboundResponseTooLargeException>(() => stream.CopyToAsync(Stream.Null));
    }

    [TestCase("https://jira.example.com", null)]
    [TestCase("http://jira.example.com", "plain http")]
    [TestCase("ftp://jira.example.com", "not supported")]
    [TestCase("https://user:pw@jira.example.com", "no user name or password")]
    public void CheckUrl_SaysWhatIsWrong(string url, string? problem)
    {
        using var services = Services();
        var guard = services.GetRequiredService<OutboundGuard>();

        var found = guard.CheckUrl(new Uri(url));

        Assert.That(found, problem is null ? Is.Null : Does.Contain(problem));
    }

    [Test]
    public async Task CheckBeforeUse_HostResolvingToLoopback_IsRefusedWithTheAddress()
    {
        using var services = Services();

        var problem = await services.GetRequiredService<OutboundGuard>().CheckBeforeUseAsync(new Uri("https://localhost:8443"), CancellationToken.None);

        Assert.That(problem, Does.Contain("localhost").And.Contain("loopback"));
    }

    [Test]
    public void Options_NotANetwork_StopsStartWithTheEntry()
    {
        using var services = Services(o => o.AllowedNetworks.Add("10.0.0.0/33"));

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OutboundOptions>>().CurrentValue);

        Assert.That(error!.Message, Does.Contain("10.0.0.0/33"));
    }

    private static string LoopbackUrl(WireMockServer server) => $"http://127.0.0.1:{server.Port}";

    private static ServiceProvider LoopbackServices(Action<OutboundOptions>? configure = null) => Services(o =>
    {
        LoopbackFakes.Allow(o);
        configure?.Invoke(o);
    });

    private static ServiceProvider Services(Action<OutboundOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddHttpClient("guarded").AddOutboundGuard();
        services.Configure<OutboundOptions>(o => configure?.Invoke(o));
        return services.BuildServiceProvider();
    }

    private static HttpClient Client(ServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient("guarded");

    private static OutboundRequestRefusedException? Refusal(Exception error) => error switch
    {
        OutboundRequestRefusedException refused => refused,
        { InnerException: { } inner } => Refusal(inner),
        _ => null,
    };
}
