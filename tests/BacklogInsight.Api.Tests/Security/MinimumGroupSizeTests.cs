using System.Globalization;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// <c>Privacy:MinimumGroupSize</c>: a team with fewer people acting in a week shows no person-level view (its people,
/// their coverage, who did each activity, its de-facto owner and lead strategist, a report's people), and every hidden
/// view says why in plain words instead of looking empty.
/// </summary>
[TestFixture]
public sealed class MinimumGroupSizeTests
{
    private const string Week = PrivacyHost.Week;

    [Test]
    public async Task EveryTeamUnderTheMinimum_EveryPersonLevelViewIsHiddenAndSaysWhy()
    {
        using var data = new TempDirectory();
        List<string> names;
        await using (var sync = new PrivacyHost(data.Path, Settings(0)))
        {
            await sync.SyncSampleAsync();
            names = (await sync.IdentitiesAsync()).Names;
        }

        await using var host = new PrivacyHost(data.Path, Settings(1000));
        var team = await host.TeamIdAsync("Payments");

        var people = await host.GetJsonAsync($"/api/people?team={team}");
        var teamPeople = await host.GetJsonAsync($"/api/teams/{team}/people?week={Week}");
        var activities = await ApiJson.ReadAllPagesAsync(host.Client, $"/api/activities?team={team}&week={Week}&limit=1000");
        var overview = await host.GetJsonAsync($"/api/org/balance?week={Week}");
        var report = await host.GetJsonAsync($"/api/reports/{Week}");
        var markdown = await host.Client.GetStringAsync($"/api/reports/{Week}?format=md");
        var teamMarkdown = await host.Client.GetStringAsync($"/api/reports/{Week}/teams/{team}?format=md");

        Assert.Multiple(() =>
        {
            Assert.That(people["items"]!.AsArray(), Is.Empty);
            Assert.That(people["hiddenReason"]!.GetValue<string>(), Does.Match(@"^\d+ people acted on this team's backlog; .*1000 people on \(Privacy:MinimumGroupSize\)"));

            Assert.That(teamPeople["people"]!.AsArray(), Is.Empty);
            Assert.That(teamPeople["coverage"]!["ownerWork"]!.AsArray(), Is.Empty);
            Assert.That(teamPeople["hiddenReason"]!.GetValue<string>(), Does.Contain($"this team's backlog in {Week}").And.Contain("Privacy:MinimumGroupSize"));

            Assert.That(activities, Is.Not.Empty, "the activities themselves are still listed");
            Assert.That(activities.Select(a => a["actor"]), Has.All.Null);
            Assert.That(activities.Select(a => a["actorHiddenReason"]?.GetValue<string>()), Has.All.Contains("Privacy:MinimumGroupSize"));

            var rows = overview["teams"]!.AsArray().Where(r => r!["activePeople"]!.GetValue<int>() > 0).ToList();
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.Select(r => r!["deFactoOwner"]), Has.All.Null);
            Assert.That(rows.Select(r => r!["leadStrategist"]), Has.All.Null);
            Assert.That(rows.Select(r => r!["peopleHiddenReason"]?.GetValue<string>()), Has.All.Contains("Privacy:MinimumGroupSize"));

            Assert.That(report["privacyNotice"]!.GetValue<string>(), Does.Contain("Privacy:MinimumGroupSize"));
            Assert.That(report["teams"]!.AsArray().SelectMany(t => t!["people"]!.AsArray()), Is.Empty);
            Assert.That(markdown, Does.StartWith("> People are hidden for"));
            Assert.That(teamMarkdown, Does.StartWith("> People are hidden for 1 team"));
            foreach (var name in names)
            {
                Assert.That(markdown + teamMarkdown, Does.Not.Contain(name), $"the report names '{name}'");
            }
        });
    }

    [Test]
    public async Task TeamExactlyAtTheMinimum_IsShown_OneMore_IsHidden()
    {
        using var data = new TempDirectory();
        int acting;
        long team;
        await using (var sync = new PrivacyHost(data.Path, Settings(0)))
        {
            await sync.SyncSampleAsync();
            team = await sync.TeamIdAsync("Payments");
            var shown = await sync.GetJsonAsync($"/api/teams/{team}/people?week={Week}");
            acting = shown["people"]!.AsArray().Count(p => Total(p!["counts"]!) > 0);
        }

        Assert.That(acting, Is.GreaterThan(1));
        await using (var atMinimum = new PrivacyHost(data.Path, Settings(acting)))
        {
            var people = await atMinimum.GetJsonAsync($"/api/teams/{team}/people?week={Week}");
            var activities = await ApiJson.ReadAllPagesAsync(atMinimum.Client, $"/api/activities?team={team}&week={Week}&limit=1000");
            Assert.Multiple(() =>
            {
                Assert.That(people["hiddenReason"], Is.Null);
                Assert.That(people["people"]!.AsArray(), Is.Not.Empty);
                Assert.That(activities.Select(a => a["actor"]), Has.None.Null);
                Assert.That(activities.Select(a => a["actorHiddenReason"]), Has.All.Null);
            });
        }

        await using (var aboveMinimum = new PrivacyHost(data.Path, Settings(acting + 1)))
        {
            var people = await aboveMinimum.GetJsonAsync($"/api/teams/{team}/people?week={Week}");
            var activities = await ApiJson.ReadAllPagesAsync(aboveMinimum.Client, $"/api/activities?team={team}&week={Week}&limit=1000");
            Assert.Multiple(() =>
            {
                Assert.That(people["hiddenReason"]!.GetValue<string>(), Does.StartWith($"{acting} people acted on this team's backlog in {Week}"));
                Assert.That(people["people"]!.AsArray(), Is.Empty);
                Assert.That(activities.Select(a => a["actor"]), Has.All.Null);
            });
        }
    }

    [Test]
    public async Task AlertsOfTeamsUnderTheMinimum_NameNobodyInSummaryOrEvidence_AndSayWhy()
    {
        using var data = new TempDirectory();
        List<string> names;
        List<string> accountIds;
        List<JsonNode> named;
        await using (var sync = new PrivacyHost(data.Path, Settings(0)))
        {
            await sync.SyncSampleAsync();
            (names, accountIds) = await sync.IdentitiesAsync();
            named = (await ApiJson.ReadAllPagesAsync(sync.Client, "/api/alerts?limit=1000"))
                .Where(a => a["teamId"] is not null && Words(a).Any(w => names.Any(n => w.Contains(n, StringComparison.Ordinal)))).ToList();
        }

        // The test can fail: without a minimum, the sample's alerts name people.
        Assert.That(named, Is.Not.Empty, "an alert of the sample names a person");

        await using var host = new PrivacyHost(data.Path, Settings(1000));
        var listed = await ApiJson.ReadAllPagesAsync(host.Client, "/api/alerts?limit=1000");
        var one = await host.GetJsonAsync($"/api/alerts/{named[0]["id"]}");
        var shown = listed.Where(a => named.Any(n => n["id"]!.GetValue<long>() == a["id"]!.GetValue<long>())).Append(one).ToList();

        Assert.That(shown, Has.Count.EqualTo(named.Count + 1));
        foreach (var alert in shown)
        {
            var words = string.Join('\n', Words(alert));
            Assert.Multiple(() =>
            {
                foreach (var name in names)
                {
                    Assert.That(words, Does.Not.Contain(name), $"alert {alert["id"]} names '{name}'");
                }

                foreach (var id in accountIds.Where(id => id.Length >= 6))
                {
                    Assert.That(words, Does.Not.Contain(id), $"alert {alert["id"]} shows the account id '{id}'");
                }

                Assert.That(words, Does.Contain("(hidden)"), "the evidence is still there, with nobody in it");
                Assert.That(alert["evidence"]!.AsArray()[^1]!.GetValue<string>(), Does.Match(@"^\d+ (person|people) acted on this team's backlog in the busier of 2026-W47 and 2026-W48; .*\(Privacy:MinimumGroupSize\)"));
            });
        }
    }

    [Test]
    public async Task AlertOfATeamExactlyAtTheMinimum_NamesPeople_OneMore_NamesNobody()
    {
        using var data = new TempDirectory();
        List<string> names;
        JsonNode alert;
        int group;
        await using (var sync = new PrivacyHost(data.Path, Settings(0)))
        {
            await sync.SyncSampleAsync();
            names = (await sync.IdentitiesAsync()).Names;
            alert = (await ApiJson.ReadAllPagesAsync(sync.Client, "/api/alerts?limit=1000"))
                .First(a => a["teamId"] is not null && Words(a).Any(w => names.Any(n => w.Contains(n, StringComparison.Ordinal))));
            var team = alert["teamId"]!.GetValue<long>();

            // The alert was raised in 2026-W48, hours into the week: its team's group is the busier of that week and the last.
            var weeks = new List<int>();
            foreach (var week in new[] { "2026-W47", "2026-W48" })
            {
                var people = await sync.GetJsonAsync($"/api/teams/{team}/people?week={week}");
                weeks.Add(people["people"]!.AsArray().Count(p => Total(p!["counts"]!) > 0));
            }

            group = weeks.Max();
        }

        Assert.That(group, Is.GreaterThan(1));
        await using (var atMinimum = new PrivacyHost(data.Path, Settings(group)))
        {
            var words = Words(await atMinimum.GetJsonAsync($"/api/alerts/{alert["id"]}"));
            Assert.That(words, Is.EqualTo(Words(alert)), "at the minimum, the alert reads as raised");
        }

        await using (var aboveMinimum = new PrivacyHost(data.Path, Settings(group + 1)))
        {
            var shown = await aboveMinimum.GetJsonAsync($"/api/alerts/{alert["id"]}");
            var words = string.Join('\n', Words(shown));
            Assert.Multiple(() =>
            {
                Assert.That(names.Where(n => words.Contains(n, StringComparison.Ordinal)), Is.Empty);
                Assert.That(shown["evidence"]!.AsArray()[^1]!.GetValue<string>(), Does.StartWith($"{group} people acted on this team's backlog"));
            });
        }
    }

    private static Dictionary<string, string?> Settings(int minimum) => new()
    {
        ["Privacy:MinimumGroupSize"] = minimum.ToString(CultureInfo.InvariantCulture),
    };

    private static int Total(JsonNode counts) =>
        new[] { "strategic", "tactical", "delivery", "other" }.Sum(c => counts[c]?.GetValue<int>() ?? 0);

    /// <summary>An alert's words that could name somebody: its summary, evidence lines and why it resolved.</summary>
    private static List<string> Words(JsonNode alert) =>
    [
        alert["summary"]!.GetValue<string>(),
        .. alert["evidence"]!.AsArray().Select(e => e!.GetValue<string>()),
        .. alert["resolvedReason"] is JsonValue reason ? [reason.GetValue<string>()] : Array.Empty<string>(),
    ];
}
