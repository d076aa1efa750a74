using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// <c>keys create/list/revoke</c> in a real process, and the created key against the real server on Kestrel, which also
/// enforces the body limit on a body of unknown length.
/// </summary>
[TestFixture]
public sealed class KeysCommandTests
{
    [Test]
    public async Task CreatedKey_OpensTheRealServer_ListShowsNoKey_RevokeMarksIt()
    {
        using var data = new TempDirectory();
        var storage = $"--Storage:DataDirectory={data.Path}";

        using var create = await ServiceProcess.RunToEndAsync(["keys", "create", "--name", "ops", "--scope", "admin", storage]);
        Assert.That(create.ExitCode, Is.Zero, create.Output);
        var key = create.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("bik_", StringComparison.Ordinal));
        var id = create.Output.Split("(id ")[1].Split(')')[0];

        var url = $"http://127.0.0.1:{FreePort()}";
        using (var server = ServiceProcess.Start(["serve", "--urls", url, storage, "--Security:MaxRequestBodyBytes=4096", "--Jobs:Storage=memory"]))
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(20) };
            await WaitUntilReadyAsync(http, server);

            var anonymous = await http.GetAsync("/api/teams");
            using var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/teams");
            withKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var allowed = await http.SendAsync(withKey);
            using var oversized = new HttpRequestMessage(HttpMethod.Post, "/api/connections")
            {
                Content = new StreamContent(new MemoryStream(new byte[64 * 1024])) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            oversized.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            oversized.Headers.TransferEncodingChunked = true;
            var tooLarge = await http.SendAsync(oversized);

            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(tooLarge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), await tooLarge.Content.ReadAsStringAsync());
            Assert.That(server.Output, Does.Not.Contain(key), "the key is never logged");
        }

        using var list = await ServiceProcess.RunToEndAsync(["keys", "list", storage]);
        using var revoke = await ServiceProcess.RunToEndAsync(["keys", "revoke", id, storage]);
        using var after = await ServiceProcess.RunToEndAsync(["keys", "list", storage]);

        Assert.That(list.Output, Does.Contain(id).And.Contain("ops").And.Contain("admin").And.Not.Contain(key));
        Assert.That(revoke.ExitCode, Is.Zero, revoke.Output);
        var row = after.Output.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.That(row.TrimEnd(), Does.Not.EndWith("-"), "the revoked column holds a time");
    }

    [TestCase("keys")]
    [TestCase("keys create --name ops --scope write")]
    [TestCase("keys revoke not-a-guid")]
    public async Task KeysCommand_Wrong_SaysWhatIsWrongAndFails(string arguments)
    {
        using var data = new TempDirectory();

        using var run = await ServiceProcess.RunToEndAsync([.. arguments.Split(' '), $"--Storage:DataDirectory={data.Path}"]);

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Output, Does.Contain("keys"));
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, ServiceProcess server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.That(server.HasExited, Is.False, server.Output);
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(300);
        }

        Assert.Fail("The server did not become ready:\n" + server.Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
