using System.Text.Json.Nodes;
using BacklogInsight.Domain.Alerts;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>
/// Slack and Teams messages as they arrive at a real receiver, checked against the documented formats: Slack's
/// incoming webhook (<c>text</c> plus Block Kit <c>blocks</c>) and the Teams Workflows webhook (a <c>message</c> with an
/// Adaptive Card attachment).
/// </summary>
[TestFixture]
public sealed class ChatPayloadTests
{
    [Test]
    public async Task Slack_Opened_PostsFallbackTextAndBlocks()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(null, host.Clock);
        await host.CreateChannelAsync(Channels.Slack("leads-slack", receiver.Url("services/T000/B000/XXXX")));

        await host.NotifyAsync(Notices.LacksOwner(1, AlertTransition.Opened, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();

        var request = receiver.Requests.Single();
        var body = JsonNode.Parse(request.Body)!.AsObject();
        var blocks = body["blocks"]!.AsArray();
        Assert.That(request.Path, Is.EqualTo("/services/T000/B000/XXXX"));
        Assert.That(request.Headers["Content-Type"], Does.StartWith("application/json"));
        Assert.That(body["text"]!.GetValue<string>(), Does.StartWith("Opened: Team lacks an owner"));
        Assert.That(blocks.Select(b => b!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "header", "section", "section", "context" }));
        Assert.That(blocks[0]!["text"]!["type"]!.GetValue<string>(), Is.EqualTo("plain_text"));
        Assert.That(blocks[0]!["text"]!["text"]!.GetValue<string>().Length, Is.LessThanOrEqualTo(150));
        Assert.That(blocks[1]!["text"]!["type"]!.GetValue<string>(), Is.EqualTo("mrkdwn"));
        Assert.That(blocks[2]!["text"]!["text"]!.GetValue<string>(), Does.StartWith("• Last owner activity: Lena Fischer"));
        Assert.That(blocks[3]!["elements"]![0]!["text"]!.GetValue<string>(), Does.Contain("Severity: *critical*").And.Contain("`/#/teams/7`"));
    }

    [Test]
    public async Task Slack_TextFromTrackers_IsEscapedSoItCannotPingOrForgeLinks()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(null, host.Clock);
        await host.CreateChannelAsync(Channels.Slack("leads-slack", receiver.Url()));

        await host.NotifyAsync(Notices.LacksOwner(1, AlertTransition.Opened, host.Clock.GetUtcNow()) with { Summary = "Ping <!channel> & see <https://evil.example|docs>" });
        await host.RunDeliveryJobsAsync();

        var body = JsonNode.Parse(receiver.Requests.Single().Body)!;
        Assert.That(body["blocks"]![1]!["text"]!["text"]!.GetValue<string>(), Is.EqualTo("Ping &lt;!channel&gt; &amp; see &lt;https://evil.example|docs&gt;"));
        Assert.That(body["text"]!.GetValue<string>(), Does.Not.Contain("<!channel>"));
    }

    [Test]
    public async Task Teams_Resolved_PostsAMessageWithAnAdaptiveCardAttachment()
    {
        await using var host = NotificationsHarness.Create(new Dictionary<string, string?> { ["Notifications:PublicBaseUrl"] = "https://insight.example.com" });
        await using var receiver = await WebhookReceiver.StartAsync(null, host.Clock);
        await host.CreateChannelAsync(Channels.Teams("leads-teams", receiver.Url("workflows/abc/triggers/manual/paths/invoke")));

        await host.NotifyAsync(Notices.LacksOwner(1, AlertTransition.Resolved, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();

        var body = JsonNode.Parse(receiver.Requests.Single().Body)!.AsObject();
        var attachment = body["attachments"]!.AsArray().Single()!.AsObject();
        var card = attachment["content"]!.AsObject();
        Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("message"));
        Assert.That(attachment["contentType"]!.GetValue<string>(), Is.EqualTo("application/vnd.microsoft.card.adaptive"));
        Assert.That(attachment.ContainsKey("contentUrl") && attachment["contentUrl"] is null, Is.True, "contentUrl is present and null");
        Assert.That(card["type"]!.GetValue<string>(), Is.EqualTo("AdaptiveCard"));
        Assert.That(card["$schema"]!.GetValue<string>(), Is.EqualTo("http://adaptivecards.io/schemas/adaptive-card.json"));
        Assert.That(card["version"]!.GetValue<string>(), Is.EqualTo("1.4"));
        Assert.That(card["body"]!.AsArray().Select(b => b!["type"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "TextBlock" }));
        Assert.That(card["body"]![0]!["text"]!.GetValue<string>(), Is.EqualTo("Resolved: Team lacks an owner — Data Platform <& friends>"));
        Assert.That(card["body"]![0]!["color"]!.GetValue<string>(), Is.EqualTo("Good"));
        Assert.That(card["actions"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("Action.OpenUrl"));
        Assert.That(card["actions"]![0]!["url"]!.GetValue<string>(), Is.EqualTo("https://insight.example.com/#/teams/7"));
    }
}
