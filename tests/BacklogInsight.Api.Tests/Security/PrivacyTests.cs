using System.Net;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// <c>Privacy:Pseudonymise</c> replaces every name the API and the reports show with a stable pseudonym;
/// <c>Privacy:MinimumGroupSize</c> hides a small team's person-level view with a plain explanation.
/// </summary>
[TestFixture]
public sealed class PrivacyTests
{
    private static readonly Dictionary<string, string?> Private = new()
    {
        ["Privacy:Pseudonymise"] = "true",
        ["Privacy:MinimumGroupSize"] = "1000",
    };

    [Test]
    public async Task Pseudonymised_NoRealNameInPeopleTeamsActivitiesOrReports_AndPseudonymsAreStable()
    {
        var realNames = await RealNamesAsync();
        using var data = new TempDirectory();
        var shown = new List<string>();
        List<string> firstPseudonyms;
        string report;
        await using (var factory = new BacklogApiFactory(data.Path, Private))
        {
            using var client = factory.CreateClient();
            await factory.CreateAndSyncSampleAsync(client);
            var people = await ApiJson.ReadAllPagesAsync(client, "/api/people");
            firstPseudonyms = people.Select(p => p["displayName"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            shown.AddRange(firstPseudonyms);
            shown.Add(await client.GetStringAsync("/api/teams"));
            shown.Add(await client.GetStringAsync("/api/activities?limit=1000"));
            shown.Add(await client.GetStringAsync("/api/org/balance?week=2026-W47"));
            var team = (await ApiJson.ReadAllPagesAsync(client, "/api/teams"))[0]!["id"]!.GetValue<long>();
            shown.Add(await client.GetStringAsync($"/api/teams/{team}/people?week=2026-W47"));
            Assert.That((await client.PostAsync("/api/reports/2026-W47/generate", null)).IsSuccessStatusCode, Is.True);
            report = await client.GetStringAsync("/api/reports/2026-W47?format=md");
            shown.Add(report);
        }

        await using (var restarted = new BacklogApiFactory(data.Path, Private))
        {
            using var client = restarted.CreateClient();
            var again = (await ApiJson.ReadAllPagesAsync(client, "/api/people")).Select(p => p["displayName"]!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.That(again, Is.EqualTo(firstPseudonyms), "the same person keeps the same pseudonym");
        }

        Assert.That(firstPseudonyms, Has.All.Match("^Person [0-9a-f]{6}$"));
        Assert.That(firstPseudonyms.Distinct().Count(), Is.EqualTo(firstPseudonyms.Count));
        Assert.That(realNames, Has.Count.GreaterThan(10));
        Assert.That(report, Does.Contain("Person "));
        foreach (var name in realNames)
        {
            Assert.That(shown.Where(s => s.Contains(name, StringComparison.Ordinal)), Is.Empty, $"'{name}' is shown");
        }
    }

    [Test]
    public async Task TeamUnderTheMinimumGroupSize_ShowsNoPeopleAndSaysWhy()
    {
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path, Private);
        using var client = factory.CreateClient();
        await factory.CreateAndSyncSampleAsync(client);
        var team = (await ApiJson.ReadAllPagesAsync(client, "/api/teams"))[0]!["id"]!.GetValue<long>();

        var response = await client.GetAsync($"/api/teams/{team}/people?week=2026-W47");
        var body = await ApiJson.ReadAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["people"]!.AsArray(), Is.Empty);
        Assert.That(body["coverage"]!["ownerWork"]!.AsArray(), Is.Empty);
        Assert.That(body["hiddenReason"]!.GetValue<string>(), Does.Contain("Privacy:MinimumGroupSize"));
    }

    /// <summary>The display names the sample organisation has, read with privacy off.</summary>
    private static async Task<List<string>> RealNamesAsync()
    {
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path);
        using var client = factory.CreateClient();
        await factory.CreateAndSyncSampleAsync(client);
        return (await ApiJson.ReadAllPagesAsync(client, "/api/people")).Select(p => p["displayName"]!.GetValue<string>()).Where(n => n.Contains(' ', StringComparison.Ordinal)).ToList();
    }
}
