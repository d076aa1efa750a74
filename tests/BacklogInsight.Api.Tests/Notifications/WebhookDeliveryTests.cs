using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using BacklogInsight.Workers.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>Alerts delivered to a real signed-webhook receiver on loopback: once per transition, retried with backoff.</summary>
[TestFixture]
public sealed class WebhookDeliveryTests
{
    [Test]
    public async Task Notify_OpenAndResolveWhoseFirstAttemptsFail_ReceiverProcessesOneSignedMessageEach()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var channelId = await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));

        foreach (var transition in new[] { AlertTransition.Opened, AlertTransition.Resolved })
        {
            receiver.FailNext(1);
            await host.NotifyAsync(Notices.LacksOwner(1, transition, host.Clock.GetUtcNow()));
            Assert.That(await host.RunDeliveryJobsAsync(), Is.EqualTo(1), "the first attempt");
            Assert.That(await host.RunDeliveryJobsAsync(), Is.Zero, "nothing is due before the backoff has passed");
            host.Clock.Advance(TimeSpan.FromSeconds(13));
            Assert.That(await host.RunDeliveryJobsAsync(), Is.EqualTo(1), "the retry");
        }

        Assert.That(receiver.AcceptedByKey, Is.EqualTo(new Dictionary<string, int> { ["alert-1-opened-0"] = 1, ["alert-1-resolved-0"] = 1 }));
        Assert.That(receiver.Requests.Select(r => (r.IdempotencyKey, r.Answered)), Is.EqualTo(new[]
        {
            ("alert-1-opened-0", 500), ("alert-1-opened-0", 200), ("alert-1-resolved-0", 500), ("alert-1-resolved-0", 200),
        }));
        Assert.That(receiver.Requests.All(r => r.SignatureValid), Is.True, "every request carries a valid signature, retries included");
        Assert.That(receiver.Requests[0].Body, Is.EqualTo(receiver.Requests[1].Body), "a retry sends the same body");
        Assert.That(receiver.Requests.Select(r => r.Headers["X-BacklogInsight-Attempt"]), Is.EqualTo(new[] { "1", "2", "1", "2" }));
        Assert.That(receiver.Requests.Select(r => r.Headers["X-BacklogInsight-Event"]).Distinct(), Is.EqualTo(new[] { "alert.opened", "alert.resolved" }));

        var deliveries = await host.DeliveriesAsync(channelId);
        Assert.That(deliveries.Select(d => d["status"]!.GetValue<string>()), Is.EqualTo(new[] { "delivered", "delivered" }));
        var attempts = deliveries[0]["attempts"]!.AsArray();
        Assert.That(attempts.Select(a => a!["statusCode"]!.GetValue<int>()), Is.EqualTo(new[] { 500, 200 }));
        Assert.That(attempts[0]!["error"]!.GetValue<string>(), Does.Contain("500"));
        Assert.That(attempts[1]!["succeeded"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Notify_WithPseudonymisationOn_TheMessageNamesNobody()
    {
        await using var host = NotificationsHarness.Create(new Dictionary<string, string?> { ["Privacy:Pseudonymise"] = "true" });
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var channelId = await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));
        await host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<BacklogDbContext>();
            var connection = new Connection { Id = Guid.NewGuid(), Name = "people", Kind = "sample", CreatedAt = NotificationsHarness.Start };
            db.Connections.Add(connection);
            db.People.Add(new Person { ConnectionId = connection.Id, SourceId = "acc-lena-0001", DisplayName = "Lena Fischer" });
            db.People.Add(new Person { ConnectionId = connection.Id, SourceId = "acc-ana-0002", DisplayName = "Ana Ruiz" });
            return await db.SaveChangesAsync();
        });

        await host.NotifyAsync(Notices.LacksOwner(9, AlertTransition.Opened, host.Clock.GetUtcNow()));
        await host.NotifyAsync(Notices.LacksOwner(9, AlertTransition.Resolved, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();

        Assert.That(receiver.Requests, Has.Count.EqualTo(2));
        foreach (var request in receiver.Requests)
        {
            Assert.That(request.Body, Does.Not.Contain("Lena").And.Not.Contain("Fischer").And.Not.Contain("Ana Ruiz"));
            Assert.That(request.Body, Does.Contain("Person "), "the person is still there, by pseudonym");
        }

        var stored = string.Join("\n", (await host.DeliveriesAsync(channelId)).Select(d => d.ToJsonString()));
        Assert.That(stored, Does.Not.Contain("Lena Fischer"), "the outbox stores the masked message");
    }

    [Test]
    public async Task Notify_TheSameNoticeTwice_DeliversOnce()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var channelId = await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));
        var notice = Notices.LacksOwner(5, AlertTransition.Opened, host.Clock.GetUtcNow());

        await host.NotifyAsync(notice);
        await host.NotifyAsync(notice);
        await host.RunDeliveryJobsAsync();
        await host.NotifyAsync(notice);
        await host.RunDeliveryJobsAsync();

        Assert.That(receiver.Requests, Has.Count.EqualTo(1));
        Assert.That(await host.DeliveriesAsync(channelId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Notify_ReminderSequence_IsANewMessageEachTime()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));

        await host.NotifyAsync(Notices.LacksOwner(5, AlertTransition.Reminder, host.Clock.GetUtcNow(), sequence: 1));
        await host.NotifyAsync(Notices.LacksOwner(5, AlertTransition.Reminder, host.Clock.GetUtcNow(), sequence: 2));
        await host.RunDeliveryJobsAsync();

        Assert.That(receiver.AcceptedByKey.Keys, Is.EquivalentTo(new[] { "alert-5-reminder-1", "alert-5-reminder-2" }));
    }

    [Test]
    public async Task Deliver_ReceiverKeepsFailing_GivesUpAfterTheAttemptLimit()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var channelId = await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));
        receiver.FailNext(20, 503);

        await host.NotifyAsync(Notices.LacksOwner(2, AlertTransition.Opened, host.Clock.GetUtcNow()));
        var attempts = 0;
        for (var round = 0; round < 8; round++)
        {
            attempts += await host.RunDeliveryJobsAsync();
            host.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        var delivery = (await host.DeliveriesAsync(channelId)).Single();
        Assert.That(attempts, Is.EqualTo(4), "Notifications:MaxAttempts");
        Assert.That(receiver.Requests, Has.Count.EqualTo(4));
        Assert.That(delivery["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(delivery["lastError"]!.GetValue<string>(), Does.Contain("503"));
        Assert.That(delivery["nextAttemptAt"], Is.Null);
    }

    [Test]
    public async Task Deliver_ReceiverRefusesTheRequest_IsNotRetried()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var channelId = await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));
        receiver.FailNext(1, 410);

        await host.NotifyAsync(Notices.LacksOwner(2, AlertTransition.Opened, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.RunDeliveryJobsAsync();

        var delivery = (await host.DeliveriesAsync(channelId)).Single();
        Assert.That(receiver.Requests, Has.Count.EqualTo(1));
        Assert.That(delivery["status"]!.GetValue<string>(), Is.EqualTo("failed"));
        Assert.That(delivery["lastError"]!.GetValue<string>(), Does.Contain("410").And.Contain("Not retried"));
    }

    [Test]
    public async Task Deliver_OneChannelUnreachable_TheOtherIsStillDelivered()
    {
        await using var host = NotificationsHarness.Create();
        var down = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var downUrl = down.Url();
        await down.DisposeAsync();
        await using var healthy = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var brokenId = await host.CreateChannelAsync(Channels.Webhook("broken-hook", downUrl));
        var healthyId = await host.CreateChannelAsync(Channels.Webhook("healthy-hook", healthy.Url()));

        await host.NotifyAsync(Notices.LacksOwner(3, AlertTransition.Opened, host.Clock.GetUtcNow()));
        await host.RunDeliveryJobsAsync();

        Assert.That(healthy.MessagesProcessed, Is.EqualTo(1));
        Assert.That((await host.DeliveriesAsync(healthyId)).Single()["status"]!.GetValue<string>(), Is.EqualTo("delivered"));
        var broken = (await host.DeliveriesAsync(brokenId)).Single();
        Assert.That(broken["status"]!.GetValue<string>(), Is.EqualTo("pending"), "retried later");
        Assert.That(broken["lastError"]!.GetValue<string>(), Does.StartWith("Could not reach the receiver"));
        Assert.That(broken["nextAttemptAt"], Is.Not.Null);
    }

    [Test]
    public async Task Notify_Routing_OnlyChannelsTakingTheTeamRuleAndEventGetIt()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        var teamA = await host.AddTeamAsync("alpha");
        var teamB = await host.AddTeamAsync("beta");
        var everything = await host.CreateChannelAsync(Channels.Webhook("everything", receiver.Url()));
        var teamAOnly = await host.CreateChannelAsync(Channels.Webhook("team-a", receiver.Url(), new { teams = new[] { teamA } }));
        var teamBOnly = await host.CreateChannelAsync(Channels.Webhook("team-b", receiver.Url(), new { teams = new[] { teamB } }));
        var otherRule = await host.CreateChannelAsync(Channels.Webhook("sync-only", receiver.Url(), new { rules = new[] { "sync-stale" } }));
        var resolvedOnly = await host.CreateChannelAsync(Channels.Webhook("resolved-only", receiver.Url(), new { events = new[] { "resolved" } }));

        await host.NotifyAsync(Notices.LacksOwner(9, AlertTransition.Opened, host.Clock.GetUtcNow(), teamId: teamA));
        await host.NotifyAsync(Notices.LacksOwner(10, AlertTransition.Opened, host.Clock.GetUtcNow(), teamId: null, ruleId: "sync-stale"));

        async Task<string[]> KeysAsync(Guid id) => (await host.DeliveriesAsync(id)).Select(d => d["idempotencyKey"]!.GetValue<string>()).Order().ToArray();
        Assert.That(await KeysAsync(everything), Is.EqualTo(new[] { "alert-10-opened-0", "alert-9-opened-0" }));
        Assert.That(await KeysAsync(teamAOnly), Is.EqualTo(new[] { "alert-9-opened-0" }), "organisation-wide alerts go to channels for every team");
        Assert.That(await KeysAsync(teamBOnly), Is.Empty);
        Assert.That(await KeysAsync(otherRule), Is.EqualTo(new[] { "alert-10-opened-0" }));
        Assert.That(await KeysAsync(resolvedOnly), Is.Empty);
    }

    [Test]
    public async Task Sweep_PendingDeliveryWhoseJobWasLost_IsQueuedAgainOnceOverdue()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));
        await host.NotifyAsync(Notices.LacksOwner(4, AlertTransition.Opened, host.Clock.GetUtcNow()));

        var early = await host.InScopeAsync(s => s.GetRequiredService<SweepNotificationsJob>().RunAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var late = await host.InScopeAsync(s => s.GetRequiredService<SweepNotificationsJob>().RunAsync(CancellationToken.None));

        Assert.That((early, late), Is.EqualTo((0, 1)));
    }
}
