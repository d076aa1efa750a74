using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BacklogInsight.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace BacklogInsight.Api.Tests.Security;

/// <summary>
/// <c>Privacy:Pseudonymise</c> on an installation whose sample organisation was synced, alerted on and reported with
/// the option off: every GET endpoint the service maps (and the person-carrying ones with their filters, every page,
/// every report format) shows no display name, e-mail address or account id of any stored person, and each person's
/// pseudonym and pseudonymous id are the same on a second call and after a restart.
/// </summary>
[TestFixture]
public sealed partial class PseudonymisationTests
{
    private static readonly Dictionary<string, string?> Off = new() { ["Privacy:Pseudonymise"] = "false" };
    private static readonly Dictionary<string, string?> On = new() { ["Privacy:Pseudonymise"] = "true" };

    [Test]
    public async Task Pseudonymised_NoNameEmailOrAccountIdInAnyResponse_StableAcrossCallsAndRestart()
    {
        using var data = new TempDirectory();
        List<string> names;
        List<string> accountIds;
        string reportMadeWithNames;
        await using (var before = new PrivacyHost(data.Path, Off))
        {
            await before.SyncSampleAsync();
            (names, accountIds) = await before.IdentitiesAsync();
            reportMadeWithNames = await before.Client.GetStringAsync($"/api/reports/{PrivacyHost.Week}?format=md");
        }

        // The test can fail: with the option off, the names are there to be found.
        Assert.That(names, Has.Count.GreaterThan(10));
        Assert.That(names.Any(n => reportMadeWithNames.Contains(n, StringComparison.Ordinal)), Is.True, "the report stored with the option off names people");

        Dictionary<string, string> firstPseudonyms;
        await using (var host = new PrivacyHost(data.Path, On))
        {
            var bodies = await EveryPersonCarryingResponseAsync(host);
            foreach (var (url, body) in bodies)
            {
                AssertNobodyIdentifiable(url, body, names, accountIds);
            }

            Assert.That(bodies.Keys, Has.Some.StartsWith("/api/alerts/"), "an alert was read");
            Assert.That(bodies.Where(b => b.Key.StartsWith("/api/activities", StringComparison.Ordinal)).Sum(b => b.Value.Length), Is.GreaterThan(10_000));
            firstPseudonyms = await PseudonymsAsync(host);
            Assert.That(await PseudonymsAsync(host), Is.EqualTo(firstPseudonyms), "a second call shows the same pseudonyms");
        }

        await using (var restarted = new PrivacyHost(data.Path, On))
        {
            Assert.That(await PseudonymsAsync(restarted), Is.EqualTo(firstPseudonyms), "a restart shows the same pseudonyms");
        }

        Assert.Multiple(() =>
        {
            Assert.That(firstPseudonyms, Has.Count.EqualTo(names.Count));
            Assert.That(firstPseudonyms.Keys, Has.All.Match("^person-[0-9a-f]{16}$"));
            Assert.That(firstPseudonyms.Values, Has.All.Match("^Person [0-9a-f]{6}$"));
            Assert.That(firstPseudonyms.Values.Distinct().Count(), Is.EqualTo(firstPseudonyms.Count));
        });
    }

    [Test]
    public async Task Pseudonymised_TheDashboardsPersonFilterStillMatches_PeopleAndActivitiesShareThePseudonymousId()
    {
        using var data = new TempDirectory();
        await using var host = new PrivacyHost(data.Path, On);
        await host.SyncSampleAsync();
        var team = await host.TeamIdAsync("Payments");

        var people = (await host.GetJsonAsync($"/api/teams/{team}/people?week={PrivacyHost.Week}"))["people"]!.AsArray();
        var actors = (await ApiJson.ReadAllPagesAsync(host.Client, $"/api/activities?team={team}&week={PrivacyHost.Week}&limit=1000"))
            .Select(a => a["actor"]?["sourceId"]?.GetValue<string>()).Where(id => id is not null).ToHashSet();

        Assert.That(people, Is.Not.Empty);
        Assert.That(people.Select(p => p!["personSourceId"]!.GetValue<string>()), Is.SubsetOf(actors));
    }

    /// <summary>The body of every GET endpoint (route values filled with real ids) and of each person-carrying view with its filters.</summary>
    private static async Task<Dictionary<string, string>> EveryPersonCarryingResponseAsync(PrivacyHost host)
    {
        var connection = (await ApiJson.ReadAllPagesAsync(host.Client, "/api/connections"))[0]["id"]!.GetValue<Guid>();
        var run = (await ApiJson.ReadAllPagesAsync(host.Client, $"/api/connections/{connection}/sync-runs"))[0]["id"]!.GetValue<Guid>();
        var team = await host.TeamIdAsync("Payments");
        var alerts = await ApiJson.ReadAllPagesAsync(host.Client, "/api/alerts?limit=1000");
        var alert = alerts.First(a => a["evidence"]!.AsArray().Count > 0)["id"]!.GetValue<long>();
        var activity = (await ApiJson.ReadAllPagesAsync(host.Client, $"/api/activities?team={team}&limit=1"))[0]["id"]!.GetValue<long>();
        Assert.That(alerts, Is.Not.Empty, "the sample raises alerts");

        var urls = new List<string>();
        foreach (var endpoint in EndpointCatalogue.Read(host.Services).Where(e => e.Method == HttpMethods.Get && e.Pattern.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var prefix = endpoint.Pattern.Split('{')[0];
            urls.Add(RouteValue().Replace(endpoint.Pattern, m => m.Groups["name"].Value switch
            {
                "week" => PrivacyHost.Week,
                "runId" => run.ToString(),
                _ when m.Groups["constraint"].Value == "guid" => connection.ToString(),
                _ when prefix.StartsWith("/api/teams", StringComparison.Ordinal) => team.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ when prefix.StartsWith("/api/alerts", StringComparison.Ordinal) => alert.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ when prefix.StartsWith("/api/activities", StringComparison.Ordinal) => activity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "1",
            }));
        }

        urls.AddRange(
        [
            "/api/people?limit=1000", $"/api/people?team={team}", "/api/teams?limit=1000",
            $"/api/teams/{team}/people?week={PrivacyHost.Week}", $"/api/teams/{team}/balance?from=2026-W40&to={PrivacyHost.Week}",
            $"/api/org/balance?week={PrivacyHost.Week}",
            "/api/activities?limit=1000", $"/api/activities?team={team}&week={PrivacyHost.Week}&limit=1000",
            "/api/work-items?limit=1000", "/api/alerts?limit=1000&state=active",
            $"/api/reports/{PrivacyHost.Week}?format=json", $"/api/reports/{PrivacyHost.Week}?format=md",
            $"/api/reports/{PrivacyHost.Week}?format=html", $"/api/reports/{PrivacyHost.Week}?format=csv",
            $"/api/reports/{PrivacyHost.Week}/teams/{team}?format=json", $"/api/reports/{PrivacyHost.Week}/teams/{team}?format=md",
            $"/api/reports/{PrivacyHost.Week}/teams/{team}?format=html", $"/api/reports/{PrivacyHost.Week}/teams/{team}?format=csv",
        ]);
        urls.AddRange(alerts.Select(a => $"/api/alerts/{a["id"]}"));

        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var url in urls.Distinct())
        {
            bodies[url] = await ReadEveryPageAsync(host.Client, url);
        }

        return bodies;
    }

    /// <summary>The body, and those of the following pages of a paged list, joined.</summary>
    private static async Task<string> ReadEveryPageAsync(HttpClient client, string url)
    {
        var bodies = new List<string>();
        string? cursor = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var response = await client.GetAsync(cursor is null ? url : $"{url}{separator}cursor={Uri.EscapeDataString(cursor)}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.LessThan(500), $"GET {url}: {body}");
            Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized));
            bodies.Add(body);
            cursor = TryJson(body) is JsonObject page && page["nextCursor"] is JsonValue next ? next.GetValue<string>() : null;
        }
        while (cursor is not null);
        return string.Join('\n', bodies);
    }

    private static void AssertNobodyIdentifiable(string url, string body, List<string> names, List<string> accountIds)
    {
        // JSON escapes some characters (an apostrophe, a non-ASCII letter) and HTML encodes others: read the text as shown.
        var texts = body.Split('\n').Select(part => TryJson(part) is { } json ? string.Join('\n', Strings(json)) : WebUtility.HtmlDecode(part)).ToList();
        var shown = string.Join('\n', texts);
        foreach (var name in names)
        {
            Assert.That(shown, Does.Not.Contain(name).IgnoreCase, $"GET {url} shows the name '{name}'");
        }

        foreach (var id in accountIds)
        {
            Assert.That(shown, Does.Not.Contain(id).IgnoreCase, $"GET {url} shows the account id '{id}'");
        }

        Assert.That(Email().Match(shown).Value, Is.Empty, $"GET {url} shows an e-mail address");
    }

    /// <summary>Account id to pseudonym, as the people list shows them.</summary>
    private static async Task<Dictionary<string, string>> PseudonymsAsync(PrivacyHost host) =>
        (await ApiJson.ReadAllPagesAsync(host.Client, "/api/people?limit=1000"))
            .ToDictionary(p => p["sourceId"]!.GetValue<string>(), p => p["displayName"]!.GetValue<string>());

    private static JsonNode? TryJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value).Prepend(p.Key)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<constraint>\w+))?\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();
}
