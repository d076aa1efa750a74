using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.Notifications;

/// <summary>The weekly reports, once generated, go through the same channels: to those that ask for them, once.</summary>
[TestFixture]
public sealed class WeeklyReportDeliveryTests
{
    [Test]
    public async Task GenerateWeeklyReports_ChannelsTakingReports_GetTheWeeksReportOnce()
    {
        await using var host = NotificationsHarness.Create();
        await using var receiver = await WebhookReceiver.StartAsync(Channels.SigningSecret, host.Clock);
        using var smtp = EmailDeliveryTests.StartSmtp();
        await SyncSampleAsync(host);
        var teams = await ApiJson.ReadAllPagesAsync(host.Client, "/api/teams");
        var payments = teams.Single(t => t["name"]!.GetValue<string>() == "Payments")["id"]!.GetValue<long>();
        var everyTeam = await host.CreateChannelAsync(Channels.Webhook("org-hook", receiver.Url("org"), new { weeklyReports = true }));
        var paymentsOnly = await host.CreateChannelAsync(Channels.Webhook("payments-hook", receiver.Url("payments"), new { teams = new[] { payments }, weeklyReports = true }));
        var mail = await host.CreateChannelAsync(Channels.Email("org-mail", smtp.Configuration.Port, routing: new { weeklyReports = true }));
        var alertsOnly = await host.CreateChannelAsync(Channels.Webhook("alerts-hook", receiver.Url("alerts")));

        await RunWeeklyReportsJobAsync(host);
        await host.RunDeliveryJobsAsync();
        await RunWeeklyReportsJobAsync(host);
        await host.RunDeliveryJobsAsync();

        Assert.That(receiver.Requests.Select(r => (r.Path, r.IdempotencyKey)), Is.EquivalentTo(new[]
        {
            ("/org", "report-2026-W47"), ("/payments", $"report-2026-W47-team-{payments}"),
        }));
        Assert.That(receiver.Requests.All(r => r.SignatureValid), Is.True);
        var organisation = JsonNode.Parse(receiver.Requests.Single(r => r.Path == "/org").Body)!;
        Assert.That(organisation["type"]!.GetValue<string>(), Is.EqualTo("weekly-report"));
        Assert.That(organisation["report"]!["week"]!.GetValue<string>(), Is.EqualTo("2026-W47"));
        Assert.That(organisation["report"]!["rows"]!.AsArray(), Has.Count.EqualTo(5));
        var needingAttention = organisation["report"]!["rows"]!.AsArray().Where(r => r!["attention"]!.AsArray().Count > 0).Select(r => r!["teamName"]!.GetValue<string>()).ToList();
        var lines = organisation["lines"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        Assert.That(needingAttention, Is.Not.Empty);
        Assert.That(lines.Select(l => l[..l.IndexOf(": balance", StringComparison.Ordinal)]), Is.EqualTo(needingAttention), "one line per team needing attention, in the report's order");
        var team = JsonNode.Parse(receiver.Requests.Single(r => r.Path == "/payments").Body)!;
        Assert.That(team["report"]!["team"]!["name"]!.GetValue<string>(), Is.EqualTo("Payments"));
        Assert.That(smtp.ReceivedEmailCount, Is.EqualTo(1));
        var email = EmailDeliveryTests.Parse(smtp.ReceivedEmail[0]);
        Assert.That(email.Subject, Is.EqualTo("Role balance — week 2026-W47"));
        Assert.That(email.HtmlBody, Does.Contain("<svg").And.Contain("Data Platform"));
        Assert.That(email.TextBody, Does.StartWith("# Role balance — week 2026-W47"));
        Assert.That(await host.DeliveriesAsync(alertsOnly), Is.Empty);
        Assert.That((await host.DeliveriesAsync(everyTeam)).Concat(await host.DeliveriesAsync(paymentsOnly)).Concat(await host.DeliveriesAsync(mail)).ToList(), Has.Count.EqualTo(3));
    }

    private static async Task SyncSampleAsync(NotificationsHarness host)
    {
        var created = await host.Client.PostAsJsonAsync("/api/connections", SampleConnection.CreateRequest("demo"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var connectionId = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
        var accepted = await ApiJson.ReadAsync(await host.Client.PostAsync($"/api/connections/{connectionId}/sync", null));
        await host.InScopeAsync(async services =>
        {
            await services.GetRequiredService<SyncConnectionJob>().RunAsync(connectionId, accepted["runId"]!.GetValue<Guid>(), CancellationToken.None);
            return 0;
        });
    }

    private static Task<int> RunWeeklyReportsJobAsync(NotificationsHarness host) => host.InScopeAsync(async services =>
    {
        await services.GetRequiredService<GenerateWeeklyReportsJob>().RunAsync(CancellationToken.None);
        return 0;
    });
}
