using BacklogInsight.Api.Tests.Notifications;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// The masks are built once per installation and kept while the stored people are unchanged: a person stored after
/// they were built (a sync found them) or renamed is masked at once, and a rename to a name of the same length within
/// a minute, as the masks are rebuilt at least that often.
/// </summary>
[TestFixture]
public sealed class PersonMaskCacheTests
{
    [Test]
    public async Task Notify_PersonStoredOrRenamedAfterTheMasksWereBuilt_IsMaskedToo()
    {
        await using var host = NotificationsHarness.Create(new Dictionary<string, string?> { ["Privacy:Pseudonymise"] = "true" });
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url()));
        var connection = await AddPersonAsync(host, null, "acc-lena-0001", "Lena Fischer");

        await NotifyAsync(host, 1, "Lena Fischer");
        await AddPersonAsync(host, connection, "acc-noor-0002", "Noor Haddad");
        await NotifyAsync(host, 2, "Noor Haddad");
        await RenameAsync(host, "acc-lena-0001", "Lena Fischer-Brandt");
        await NotifyAsync(host, 3, "Lena Fischer-Brandt");
        await RenameAsync(host, "acc-noor-0002", "Noor Hadded");
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        await NotifyAsync(host, 4, "Noor Hadded");
        await host.RunDeliveryJobsAsync();

        var bodies = receiver.Requests.ToDictionary(r => r.IdempotencyKey!, r => r.Body);
        Assert.That(bodies.Keys, Is.EquivalentTo(new[] { "alert-1-opened-0", "alert-2-opened-0", "alert-3-opened-0", "alert-4-opened-0" }));
        Assert.Multiple(() =>
        {
            Assert.That(bodies["alert-1-opened-0"], Does.Not.Contain("Lena Fischer").And.Contain("Last owner activity: Person "));
            Assert.That(bodies["alert-2-opened-0"], Does.Not.Contain("Noor Haddad"), "a person stored after the masks were built");
            Assert.That(bodies["alert-3-opened-0"], Does.Not.Contain("Lena Fischer-Brandt").And.Not.Contain("Brandt"), "a person renamed");
            Assert.That(bodies["alert-4-opened-0"], Does.Not.Contain("Noor Hadded"), "a person renamed to a name of the same length, a minute on");
        });
    }

    private static Task NotifyAsync(NotificationsHarness host, long alertId, string who) =>
        host.NotifyAsync(Notices.LacksOwner(alertId, AlertTransition.Opened, host.Clock.GetUtcNow(), teamId: null) with
        {
            Evidence = [$"Last owner activity: {who} ranked DP-412 on 2026-10-12 (42 days ago)."],
        });

    private static Task<Guid> AddPersonAsync(NotificationsHarness host, Guid? connectionId, string sourceId, string name) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<BacklogDbContext>();
        if (connectionId is not { } id)
        {
            id = Guid.NewGuid();
            db.Connections.Add(new Connection { Id = id, Name = "people", Kind = "sample", CreatedAt = NotificationsHarness.Start });
        }

        db.People.Add(new Person { ConnectionId = id, SourceId = sourceId, DisplayName = name });
        await db.SaveChangesAsync();
        return id;
    });

    private static Task<int> RenameAsync(NotificationsHarness host, string sourceId, string name) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<BacklogDbContext>();
        var person = await db.People.SingleAsync(p => p.SourceId == sourceId);
        person.DisplayName = name;
        return await db.SaveChangesAsync();
    });
}
