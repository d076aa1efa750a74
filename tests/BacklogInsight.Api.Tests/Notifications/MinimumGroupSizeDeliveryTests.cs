using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Domain.Reports;
using BacklogInsight.Storage;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Workers.Jobs;
using BacklogInsight.Workers.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>
/// <c>Privacy:MinimumGroupSize</c> with pseudonymisation off holds for what leaves the installation too: an alert of a
/// team with fewer people acting than the minimum names nobody in its webhook or Slack message, and a weekly report sent
/// to a channel hides a small team's people exactly as the API's report endpoints do, while a team at the minimum keeps them.
/// </summary>
[TestFixture]
public sealed class MinimumGroupSizeDeliveryTests
{
    private const int Minimum = 3;

    /// <summary>Between the sample's team sizes in 2026-W47 (7 to 9 people), so some teams are under it and some exactly at it.</summary>
    private const int SampleMinimum = 8;

    [Test]
    public async Task Notify_TeamUnderTheMinimum_WebhookAndSlackMessagesNameNobody_TeamAtTheMinimumIsNamed()
    {
        await using var host = NotificationsHarness.Create(new Dictionary<string, string?> { ["Privacy:MinimumGroupSize"] = $"{Minimum}" });
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        await host.CreateChannelAsync(Channels.Webhook("leads-hook", receiver.Url("hook")));
        await host.CreateChannelAsync(Channels.Slack("leads-slack", receiver.Url("slack")));
        var small = await AddTeamAsync(host, "tiny", acting: Minimum - 1);
        var atMinimum = await AddTeamAsync(host, "just-enough", acting: Minimum);

        foreach (var transition in new[] { AlertTransition.Opened, AlertTransition.Resolved })
        {
            await host.NotifyAsync(Notices.LacksOwner(1, transition, host.Clock.GetUtcNow(), teamId: small));
            await host.NotifyAsync(Notices.LacksOwner(2, transition, host.Clock.GetUtcNow(), teamId: atMinimum));
        }

        await host.RunDeliveryJobsAsync();

        var hidden = receiver.Requests.Where(r => r.Body.Contains($"/#/teams/{small}", StringComparison.Ordinal)).ToList();
        var named = receiver.Requests.Where(r => r.Body.Contains($"/#/teams/{atMinimum}", StringComparison.Ordinal)).ToList();
        Assert.That(hidden.Select(r => r.Path), Is.EquivalentTo(new[] { "/hook", "/hook", "/slack", "/slack" }));
        Assert.That(named, Has.Count.EqualTo(4));
        Assert.Multiple(() =>
        {
            foreach (var request in hidden)
            {
                Assert.That(request.Body, Does.Not.Contain("Lena").And.Not.Contain("Fischer").And.Not.Contain("Ana Ruiz"), $"{request.Path} names a person");
                Assert.That(request.Body, Does.Contain("(hidden)"), "the evidence is still there, with nobody in it");
                Assert.That(request.Body, Does.Contain($"{Minimum - 1} people acted on this team's backlog").And.Contain("Privacy:MinimumGroupSize"));
            }

            // The test can fail: the same notice of a team at the minimum names the person.
            Assert.That(named.Count(r => r.Body.Contains("Last owner activity: Lena Fischer", StringComparison.Ordinal)), Is.EqualTo(4));
            Assert.That(named.Count(r => r.Body.Contains("Ana Ruiz ranked the backlog", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(named.Select(r => r.Body), Has.None.Contain("Privacy:MinimumGroupSize"));
        });
    }

    [Test]
    public async Task GenerateWeeklyReports_TeamUnderTheMinimum_ItsPeopleAreHiddenInTheChannel_TeamAtTheMinimumKeepsThem()
    {
        await using var host = NotificationsHarness.Create(new Dictionary<string, string?> { ["Privacy:MinimumGroupSize"] = $"{SampleMinimum}" });
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        using var smtp = EmailDeliveryTests.StartSmtp();
        await SyncSampleAsync(host);
        (await host.Client.PostAsync("/api/reports/2026-W47/generate", null)).EnsureSuccessStatusCode();
        var sizes = await StoredTeamSizesAsync(host);
        var small = sizes.First(s => s.Value < SampleMinimum).Key;
        var large = sizes.First(s => s.Value == SampleMinimum).Key;
        await host.CreateChannelAsync(Channels.Webhook("org-hook", receiver.Url("org"), new { weeklyReports = true }));
        await host.CreateChannelAsync(Channels.Webhook("teams-hook", receiver.Url("teams"), new { teams = new[] { small, large }, weeklyReports = true }));
        await host.CreateChannelAsync(Channels.Email("org-mail", smtp.Configuration.Port, routing: new { weeklyReports = true }));
        var api = await ApiJson.ReadAsync(await host.Client.GetAsync($"/api/reports/2026-W47/teams/{small}"));

        await host.InScopeAsync(async services =>
        {
            await services.GetRequiredService<GenerateWeeklyReportsJob>().RunAsync(CancellationToken.None);
            return 0;
        });
        await host.RunDeliveryJobsAsync();

        var byKey = receiver.Requests.ToDictionary(r => r.IdempotencyKey!, r => JsonNode.Parse(r.Body)!);
        var smallSent = byKey[$"report-2026-W47-team-{small}"];
        var largeSent = byKey[$"report-2026-W47-team-{large}"];
        var organisation = byKey["report-2026-W47"];
        var rows = organisation["report"]!["rows"]!.AsArray();
        var smallName = smallSent["report"]!["team"]!["name"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(smallSent["report"]!["people"]!.AsArray(), Is.Empty);
            Assert.That(smallSent["report"]!["coverage"]!["ownerWork"]!.AsArray(), Is.Empty);
            Assert.That(smallSent["report"]!["coverage"]!["strategicWork"]!.AsArray(), Is.Empty);
            Assert.That(smallSent["report"]!["notable"]!.AsArray().Select(n => n!["actorDisplayName"]!.GetValue<string>()), Has.All.EqualTo("(hidden)"));
            Assert.That(smallSent["report"]!["privacyNotice"]!.GetValue<string>(), Does.StartWith("People are hidden for 1 team"));
            Assert.That(smallSent["summary"]!.GetValue<string>(), Does.Contain("Privacy:MinimumGroupSize"));
            Assert.That(smallSent["report"]!.ToJsonString(), Is.EqualTo(api.ToJsonString()), "the channel gets the report the API serves");

            // The test can fail: the team at the minimum keeps its people, as the API shows them.
            Assert.That(largeSent["report"]!["people"]!.AsArray().Select(p => p!["displayName"]!.GetValue<string>()), Is.Not.Empty.And.None.Empty);
            Assert.That(largeSent["report"]!["privacyNotice"], Is.Null);
            Assert.That(largeSent["summary"]!.GetValue<string>(), Does.Not.Contain("Privacy:MinimumGroupSize"));

            var smallRow = rows.Single(r => r!["teamName"]!.GetValue<string>() == smallName)!;
            Assert.That(smallRow["deFactoOwner"], Is.Null);
            Assert.That(smallRow["leadStrategist"], Is.Null);
            Assert.That(organisation["report"]!["privacyNotice"]!.GetValue<string>(), Does.Contain("Privacy:MinimumGroupSize"));
        });

        Assert.That(smtp.ReceivedEmailCount, Is.EqualTo(1));
        var email = EmailDeliveryTests.Parse(smtp.ReceivedEmail[0]);
        Assert.That(email.TextBody, Does.StartWith("> People are hidden for"));
        Assert.That(email.HtmlBody, Does.Contain("class=\"privacy-notice\""));
    }

    /// <summary>A team of a connection of its own, with <paramref name="acting"/> people acting on it this week; Lena Fischer and Ana Ruiz among those stored.</summary>
    private static Task<long> AddTeamAsync(NotificationsHarness host, string name, int acting) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<BacklogDbContext>();
        var connection = new Connection { Id = Guid.NewGuid(), Name = $"c-{name}", Kind = "sample", CreatedAt = NotificationsHarness.Start };
        db.Connections.Add(connection);
        var team = new Team { ConnectionId = connection.Id, SourceId = name, Name = name };
        db.Teams.Add(team);
        var people = new[] { ("acc-lena-0001", "Lena Fischer"), ("acc-ana-0002", "Ana Ruiz"), ("acc-kofi-0003", "Kofi Mensah"), ("acc-mia-0004", "Mia Novak") };
        db.People.AddRange(people.Select(p => new Person { ConnectionId = connection.Id, SourceId = p.Item1, DisplayName = p.Item2 }));
        var week = WeekKey.Of(IsoWeek.FromInstant(NotificationsHarness.Start, TimeZoneInfo.Utc));
        db.ActivityCounts.AddRange(people.Take(acting).Select(p => new ActivityCount
        {
            ConnectionId = connection.Id,
            TeamSourceId = name,
            Week = week,
            ActorSourceId = p.Item1,
            Class = ActivityClass.Delivery,
            Count = 5,
            LastAt = NotificationsHarness.Start,
        }));
        await db.SaveChangesAsync();
        return team.Id;
    });

    /// <summary>Each team's people acting in 2026-W47, as its stored report counts them.</summary>
    private static Task<Dictionary<long, int>> StoredTeamSizesAsync(NotificationsHarness host) => host.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<BacklogDbContext>();
        var week = WeekKey.Of(IsoWeek.Parse("2026-W47"));
        var reports = await db.Reports.AsNoTracking().Where(r => r.Week == week && r.TeamId != null).ToListAsync();
        return reports.ToDictionary(
            r => r.TeamId!.Value,
            r => JsonSerializer.Deserialize<TeamWeeklyReport>(r.Json, WeeklyReportService.Json)!.People.Count(p => p.Volume > 0));
    });

    private static async Task SyncSampleAsync(NotificationsHarness host)
    {
        var created = await host.Client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("demo"));
        created.EnsureSuccessStatusCode();
        var connectionId = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
        var accepted = await ApiJson.ReadAsync(await host.Client.PostAsync($"/api/connections/{connectionId}/sync", null));
        await host.InScopeAsync(async services =>
        {
            await services.GetRequiredService<SyncConnectionJob>().RunAsync(connectionId, accepted["runId"]!.GetValue<Guid>(), CancellationToken.None);
            return 0;
        });
    }
}
