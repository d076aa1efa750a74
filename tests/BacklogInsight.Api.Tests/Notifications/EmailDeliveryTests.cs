using System.Net;
using BacklogInsight.Domain.Alerts;
using MimeKit;
using netDumbster.smtp;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>E-mail through a real SMTP server on loopback (netDumbster), parsed back with MimeKit.</summary>
[TestFixture]
public sealed class EmailDeliveryTests
{
    [Test]
    public async Task Notify_EmailChannel_ArrivesWithAnHtmlBodyAndATextAlternative()
    {
        await using var host = NotificationsHarness.Create();
        using var smtp = StartSmtp();
        var channelId = await host.CreateChannelAsync(Channels.Email("leads-mail", smtp.Configuration.Port));

        await host.NotifyAsync(Notices.LacksOwner(1, AlertTransition.Opened, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();

        Assert.That(smtp.ReceivedEmailCount, Is.EqualTo(1));
        var mail = Parse(smtp.ReceivedEmail[0]);
        Assert.That(mail.Subject, Is.EqualTo("[Critical] Opened: Team lacks an owner — Data Platform <& friends>"));
        Assert.That(mail.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "leads@example.com", "po@example.com" }));
        Assert.That(mail.From.Mailboxes.Single().Address, Is.EqualTo("insight@example.com"));
        Assert.That(mail.MessageId, Does.StartWith("alert-1-opened-0."));
        Assert.That(mail.HtmlBody, Does.Contain("<h2>Opened: Team lacks an owner — Data Platform &lt;&amp; friends&gt;</h2>"));
        Assert.That(mail.HtmlBody, Does.Contain("<li>Last owner activity: Lena Fischer ranked DP-412 on 2026-10-12 (46 days ago).</li>"));
        Assert.That(mail.TextBody, Does.Contain("- Delivery: 63 activities in the window (floor 5)."));
        var attempt = (await host.DeliveriesAsync(channelId)).Single()["attempts"]![0]!;
        Assert.That(attempt["statusCode"]!.GetValue<int>(), Is.EqualTo(250));
        Assert.That(attempt["reply"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task Deliver_SmtpServerDownAtFirst_IsRetriedAndArrivesOnce()
    {
        await using var host = NotificationsHarness.Create();
        int port;
        using (var probe = StartSmtp())
        {
            port = probe.Configuration.Port;
        }

        var channelId = await host.CreateChannelAsync(Channels.Email("leads-mail", port));
        await host.NotifyAsync(Notices.LacksOwner(1, AlertTransition.Opened, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(port).Build();
        host.Clock.Advance(TimeSpan.FromSeconds(13));
        await host.RunDeliveryJobsAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.RunDeliveryJobsAsync();

        var delivery = (await host.DeliveriesAsync(channelId)).Single();
        Assert.That(smtp.ReceivedEmailCount, Is.EqualTo(1));
        Assert.That(delivery["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
        Assert.That(delivery["attempts"]!.AsArray().Select(a => a!["succeeded"]!.GetValue<bool>()), Is.EqualTo(new[] { false, true }));
        Assert.That(delivery["attempts"]![0]!["error"]!.GetValue<string>(), Does.StartWith("Could not talk to the SMTP server 127.0.0.1:"));
    }

    [Test]
    public async Task TestChannel_Email_SaysDeliveredAndTheMailArrives()
    {
        await using var host = NotificationsHarness.Create();
        using var smtp = StartSmtp();
        var channelId = await host.CreateChannelAsync(Channels.Email("leads-mail", smtp.Configuration.Port));

        var response = await host.Client.PostAsync($"/api/notification-channels/{channelId}/test", null);
        var answer = await Infrastructure.ApiJson.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer["delivered"]!.GetValue<bool>(), Is.True);
        Assert.That(answer["message"]!.GetValue<string>(), Does.StartWith("Delivered: the SMTP server accepted the message in"));
        Assert.That(Parse(smtp.ReceivedEmail.Single()).Subject, Is.EqualTo("BacklogInsight test message"));
    }

    internal static SimpleSmtpServer StartSmtp() => Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    internal static MimeMessage Parse(SmtpMessage message)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(message.Data));
        return MimeMessage.Load(stream);
    }
}
