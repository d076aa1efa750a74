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

    private static Dictionary<string, string?> Settings(int minimum) => new()
    {
        ["Privacy:MinimumGroupSize"] = minimum.ToString(CultureInfo.InvariantCulture),
    };

    private static int Total(JsonNode counts) =>
        new[] { "strategic", "tactical", "delivery", "other" }.Sum(c => counts[c]?.GetValue<int>() ?? 0);
}
