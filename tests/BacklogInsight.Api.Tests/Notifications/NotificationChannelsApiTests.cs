using System.Net;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>The channel endpoints: validation as problem details, write-only secrets, tests and the delivery record.</summary>
[TestFixture]
public sealed class NotificationChannelsApiTests
{
    private const string SlackUrl = "https://hooks.slack.com/services/T0AAA/B0BBB/s3cr3tSlackPath";
    private const string TeamsUrl = "https://prod-42.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=t3amsS1gnature";
    private const string SmtpPassword = "smtp-Pa55word-never-shown";

    [Test]
    public async Task PostChannels_Secrets_AreNeverReturnedAndNotStoredInClear()
    {
        await using var host = NotificationsHarness.Create();
        var created = new[]
        {
            await host.Client.PostAsJsonAsync("/api/notification-channels", Channels.Slack("slack", SlackUrl)),
            await host.Client.PostAsJsonAsync("/api/notification-channels", Channels.Teams("teams", TeamsUrl)),
            await host.Client.PostAsJsonAsync("/api/notification-channels", Channels.Webhook("hook", "https://receiver.example.com/in")),
            await host.Client.PostAsJsonAsync("/api/notification-channels", Channels.Email("mail", 2525, SmtpPassword)),
        };
        var bodies = new StringBuilder();
        foreach (var response in created)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            bodies.Append(await response.Content.ReadAsStringAsync());
            var id = (await ApiJson.ReadAsync(response))["id"]!.GetValue<Guid>();
            bodies.Append(await host.Client.GetStringAsync($"/api/notification-channels/{id}"));
            bodies.Append(await host.Client.GetStringAsync($"/api/notification-channels/{id}/deliveries"));
        }

        var list = await host.Client.GetStringAsync("/api/notification-channels");
        bodies.Append(list);

        Assert.That(bodies.ToString(), Does.Not.Contain("s3cr3tSlackPath").And.Not.Contain("t3amsS1gnature")
            .And.Not.Contain(Channels.SigningSecret).And.Not.Contain(SmtpPassword));
        Assert.That(list, Does.Contain("\"secretNames\":[\"webhookUrl\"]").And.Contain("\"secretNames\":[\"signingSecret\"]").And.Contain("\"secretNames\":[\"password\"]"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(host.DataDirectory, "backlog-insight.db*").Select(File.ReadAllBytes).Select(Encoding.UTF8.GetString);
        Assert.That(string.Concat(files), Does.Not.Contain("s3cr3tSlackPath").And.Not.Contain(Channels.SigningSecret).And.Not.Contain(SmtpPassword));
    }

    [Test]
    public async Task Logs_WhileDeliveringAndRetrying_NeverContainASecret()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(null, host.Clock);
        await using var signed = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        using var smtp = EmailDeliveryTests.StartSmtp();
        await host.CreateChannelAsync(Channels.Slack("slack", receiver.Url("services/T0AAA/B0BBB/s3cr3tSlackPath")));
        await host.CreateChannelAsync(Channels.Webhook("hook", signed.Url()));
        var mail = await host.CreateChannelAsync(Channels.Email("mail", smtp.Configuration.Port, SmtpPassword));
        receiver.FailNext(1);

        await host.NotifyAsync(Notices.LacksOwner(1, Domain.Alerts.AlertTransition.Opened, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(13));
        await host.RunDeliveryJobsAsync();
        await host.Client.PostAsync($"/api/notification-channels/{mail}/test", null);

        Assert.That(host.Logs.Text, Does.Contain("Delivered \"alert-1-opened-0\" to channel \"slack\"")
            .And.Contain("Attempt 1 of \"alert-1-opened-0\" to channel \"slack\" (\"slack\") failed"));
        Assert.That(host.Logs.Text, Does.Not.Contain("s3cr3tSlackPath").And.Not.Contain(Channels.SigningSecret).And.Not.Contain(SmtpPassword));
    }

    [Test]
    public async Task GetChannel_ShowsSettingsAndRouting()
    {
        await using var host = NotificationsHarness.Create();
        var team = await host.AddTeamAsync("alpha");
        var id = await host.CreateChannelAsync(Channels.Webhook("hook", "https://receiver.example.com/in",
            new { teams = new[] { team }, rules = new[] { "team-lacks-owner" }, events = new[] { "opened", "resolved" }, weeklyReports = true }));

        var channel = await ApiJson.ReadAsync(await host.Client.GetAsync($"/api/notification-channels/{id}"));

        Assert.That(channel["kind"]!.GetValue<string>(), Is.EqualTo("webhook"));
        Assert.That(channel["settings"]!["url"]!.GetValue<string>(), Is.EqualTo("https://receiver.example.com/in"));
        Assert.That(channel["routing"]!.ToJsonString(), Is.EqualTo(
            $$"""{"teams":[{{team}}],"rules":["team-lacks-owner"],"events":["opened","resolved"],"weeklyReports":true}"""));
    }

    public static IEnumerable<TestCaseData> InvalidChannels()
    {
        yield return new TestCaseData(new { name = "x", kind = "pager" }, "kind").SetName("Unknown kind");
        yield return new TestCaseData(new { name = "x", kind = "slack", secrets = new { webhookUrl = "http://hooks.slack.com/services/a" } }, "secrets.webhookUrl").SetName("Slack over plain http");
        yield return new TestCaseData(new { name = "x", kind = "slack", secrets = new { webhookUrl = "not a url" } }, "secrets.webhookUrl").SetName("Slack URL not a URL");
        yield return new TestCaseData(new { name = "x", kind = "teams" }, "secrets.webhookUrl").SetName("Teams without its URL");
        yield return new TestCaseData(new { name = "x", kind = "slack", settings = new { url = "https://a.example" }, secrets = new { webhookUrl = "https://a.example" } }, "settings.url").SetName("Slack URL given as a setting");
        yield return new TestCaseData(new { name = "x", kind = "webhook", settings = new { url = "https://a.example" } }, "secrets.signingSecret").SetName("Webhook without a signing secret");
        yield return new TestCaseData(new { name = "x", kind = "webhook", settings = new { url = "https://a.example" }, secrets = new { signingSecret = "short" } }, "secrets.signingSecret").SetName("Webhook with a short secret");
        yield return new TestCaseData(new { name = "x", kind = "webhook", settings = new { url = "ftp://a.example" }, secrets = new { signingSecret = Channels.SigningSecret } }, "settings.url").SetName("Webhook with an ftp URL");
        yield return new TestCaseData(new { name = "x", kind = "email", settings = new { from = "a@example.com", to = new[] { "b@example.com" } } }, "settings.host").SetName("E-mail without an SMTP host");
        yield return new TestCaseData(new { name = "x", kind = "email", settings = new { host = "smtp.example.com", from = "a@example.com", to = new[] { "nobody" } } }, "settings.to").SetName("E-mail to a bad address");
        yield return new TestCaseData(new { name = "x", kind = "email", settings = new { host = "smtp.example.com", tls = "maybe", from = "a@example.com", to = new[] { "b@example.com" } } }, "settings.tls").SetName("E-mail with an unknown TLS mode");
        yield return new TestCaseData(new { name = "x", kind = "email", settings = new { host = "smtp.example.com", port = 70000, from = "a@example.com", to = new[] { "b@example.com" } } }, "settings.port").SetName("E-mail with a bad port");
        yield return new TestCaseData(new { name = "x", kind = "webhook", settings = new { url = "https://a.example" }, secrets = new { signingSecret = Channels.SigningSecret }, routing = new { events = new[] { "closed" } } }, "routing.events").SetName("Unknown event");
        yield return new TestCaseData(new { name = "x", kind = "webhook", settings = new { url = "https://a.example" }, secrets = new { signingSecret = Channels.SigningSecret }, routing = new { teams = new[] { 4242 } } }, "routing.teams").SetName("Unknown team");
        yield return new TestCaseData(new { name = "bad name!", kind = "webhook", settings = new { url = "https://a.example" }, secrets = new { signingSecret = Channels.SigningSecret } }, "name").SetName("Bad name");
    }

    [TestCaseSource(nameof(InvalidChannels))]
    public async Task PostChannel_Invalid_IsAProblemNamingTheField(object request, string field)
    {
        await using var host = NotificationsHarness.Create();

        var response = await host.Client.PostAsJsonAsync("/api/notification-channels", request);
        var problem = await ApiJson.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field), problem.ToJsonString());
        Assert.That((await ApiJson.ReadAsync(await host.Client.GetAsync("/api/notification-channels")))["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task PostChannel_LoopbackWhenNotAllowed_IsRefused()
    {
        await using var host = NotificationsHarness.Create(new Dictionary<string, string?> { ["Notifications:AllowLoopback"] = "false" });

        var response = await host.Client.PostAsJsonAsync("/api/notification-channels", Channels.Webhook("hook", "https://127.0.0.1:8443/in"));
        var problem = await ApiJson.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!["settings.url"]![0]!.GetValue<string>(), Does.Contain("Notifications:AllowLoopback"));
    }

    [Test]
    public async Task PostChannel_NameTaken_IsAConflict()
    {
        await using var host = NotificationsHarness.Create();
        await host.CreateChannelAsync(Channels.Slack("leads", SlackUrl));

        var response = await host.Client.PostAsJsonAsync("/api/notification-channels", Channels.Slack("leads", SlackUrl));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task DeleteChannel_RemovesItWithItsDeliveries()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var id = await host.CreateChannelAsync(Channels.Webhook("hook", receiver.Url()));
        await host.NotifyAsync(Notices.LacksOwner(1, Domain.Alerts.AlertTransition.Opened, host.Clock.GetUtcNow()));

        var deleted = await host.Client.DeleteAsync($"/api/notification-channels/{id}");
        var attempts = await host.RunDeliveryJobsAsync();

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await host.Client.GetAsync($"/api/notification-channels/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await host.Client.GetAsync($"/api/notification-channels/{id}/deliveries")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await host.Client.DeleteAsync($"/api/notification-channels/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((attempts, receiver.Requests.Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task TestChannel_ReceiverUp_SaysDeliveredAndRecordsTheAttempt()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var id = await host.CreateChannelAsync(Channels.Webhook("hook", receiver.Url()));

        var answer = await ApiJson.ReadAsync(await host.Client.PostAsync($"/api/notification-channels/{id}/test", null));
        var delivery = (await host.DeliveriesAsync(id)).Single();

        Assert.That(answer["delivered"]!.GetValue<bool>(), Is.True);
        Assert.That(answer["message"]!.GetValue<string>(), Does.Match(@"^Delivered: the receiver answered 200 in \d+ ms\.$"));
        Assert.That(receiver.Requests.Single().Headers["X-BacklogInsight-Event"], Is.EqualTo("test"));
        Assert.That(receiver.Requests.Single().SignatureValid, Is.True);
        Assert.That(delivery["event"]!.GetValue<string>(), Is.EqualTo("test"));
        Assert.That(delivery["attempts"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task TestChannel_ReceiverFails_SaysWhyInPlainWordsAndDoesNotRetry()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var id = await host.CreateChannelAsync(Channels.Webhook("hook", receiver.Url()));
        receiver.FailNext(1, 502);

        var answer = await ApiJson.ReadAsync(await host.Client.PostAsync($"/api/notification-channels/{id}/test", null));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.RunDeliveryJobsAsync();

        Assert.That(answer["delivered"]!.GetValue<bool>(), Is.False);
        Assert.That(answer["message"]!.GetValue<string>(), Is.EqualTo("Not delivered: The receiver answered 502 Bad Gateway: receiver says no"));
        Assert.That(receiver.Requests, Has.Count.EqualTo(1));
        Assert.That((await host.DeliveriesAsync(id)).Single()["status"]!.GetValue<string>(), Is.EqualTo("failed"));
    }

    [Test]
    public async Task GetChannel_Unknown_IsANotFoundProblem()
    {
        await using var host = NotificationsHarness.Create();

        var response = await host.Client.GetAsync($"/api/notification-channels/{Guid.NewGuid()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
