using System.Net;
using System.Text.Json.Nodes;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Features;

/// <summary>Role balance and weekly reports over the synced sample organisation: every number agrees everywhere.</summary>
[TestFixture]
public sealed class RoleBalanceTests
{
    private const string Week = "2026-W46";
    private static readonly string[] Classes = ["strategic", "tactical", "delivery", "other"];
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task SyncSampleOrganisation()
    {
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, new Dictionary<string, string?> { ["Organisation:TimeZone"] = "Europe/Berlin" });
        _client = _factory.CreateClient();
        await _factory.CreateAndSyncSampleAsync(_client);
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task TeamBalance_EachWeeksCounts_EqualTheActivitiesListedForThatWeekAndClass()
    {
        var team = await TeamAsync("Payments");

        var balance = await ApiJson.ReadAsync(await _client.GetAsync($"/api/teams/{team}/balance?from=2026-W44&to={Week}"));

        var weeks = balance["weeks"]!.AsArray();
        Assert.That(weeks.Select(w => w!["week"]!.GetValue<string>()), Is.EqualTo(new[] { "2026-W44", "2026-W45", Week }));
        foreach (var week in weeks)
        {
            foreach (var activityClass in Classes)
            {
                var listed = await ApiJson.ReadAllPagesAsync(_client, $"/api/activities?team={team}&week={week!["week"]}&class={activityClass}&limit=1000");
                Assert.That(week["counts"]![activityClass]!.GetValue<int>(), Is.EqualTo(listed.Count), $"{week["week"]} {activityClass}");
            }
        }
    }

    [Test]
    public async Task TeamBalance_Balance_IsStrategicOverProductWork()
    {
        var team = await TeamAsync("Payments");

        var week = (await ApiJson.ReadAsync(await _client.GetAsync($"/api/teams/{team}/balance?from={Week}&to={Week}")))["weeks"]![0]!;

        var strategic = week["counts"]!["strategic"]!.GetValue<double>();
        var tactical = week["counts"]!["tactical"]!.GetValue<double>();
        Assert.That(tactical, Is.GreaterThan(0));
        Assert.That(week["balance"]!.GetValue<double>(), Is.EqualTo(strategic / (strategic + tactical)).Within(1e-9));
    }

    [Test]
    public async Task Report_GeneratedForAWeek_ShowsTheSameFiguresAsTheApi()
    {
        var team = await TeamAsync("Mobile App");
        var generated = await _client.PostAsync($"/api/reports/{Week}/generate", null);

        var report = await ApiJson.ReadAsync(await _client.GetAsync($"/api/reports/{Week}/teams/{team}"));
        var api = (await ApiJson.ReadAsync(await _client.GetAsync($"/api/teams/{team}/balance?from={Week}&to={Week}")))["weeks"]![0]!;
        var organisation = await ApiJson.ReadAsync(await _client.GetAsync($"/api/org/balance?week={Week}"));

        Assert.That(generated.StatusCode, Is.EqualTo(HttpStatusCode.OK), await generated.Content.ReadAsStringAsync());
        foreach (var activityClass in Classes)
        {
            var expected = api["counts"]![activityClass]!.GetValue<int>();
            Assert.That(report["balance"]!["counts"]![activityClass]!.GetValue<int>(), Is.EqualTo(expected), activityClass);
            var row = organisation["teams"]!.AsArray().Single(t => t!["teamId"]!.GetValue<long>() == team)!;
            Assert.That(row["counts"]![activityClass]!.GetValue<int>(), Is.EqualTo(expected), activityClass);
        }
    }

    [TestCase("md", "text/markdown", "|")]
    [TestCase("html", "text/html", "<svg")]
    [TestCase("csv", "text/csv", ",")]
    [TestCase("json", "application/json", "\"week\"")]
    public async Task Report_InEachFormat_IsServedWithItsMediaType(string format, string mediaType, string marker)
    {
        await _client.PostAsync($"/api/reports/{Week}/generate", null);

        var response = await _client.GetAsync($"/api/reports/{Week}?format={format}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(marker));
    }

    [Test]
    public async Task Report_ForAWeekWithNoActivity_IsGeneratedAndRendered()
    {
        var team = await TeamAsync("Payments");
        await _client.PostAsync("/api/reports/2025-W02/generate", null);

        var report = await ApiJson.ReadAsync(await _client.GetAsync($"/api/reports/2025-W02/teams/{team}"));
        var html = await _client.GetStringAsync($"/api/reports/2025-W02/teams/{team}?format=html");

        Assert.That(report["balance"]!["counts"]!["total"]!.GetValue<int>(), Is.Zero);
        Assert.That(report["balance"]!["balance"], Is.Null);
        Assert.That(html, Does.Contain("<html"));
    }

    [Test]
    public async Task Report_Regenerated_IsReplacedOnlyOnRequest()
    {
        await _client.PostAsync($"/api/reports/2026-W45/generate", null);
        var first = (await ApiJson.ReadAsync(await _client.GetAsync("/api/reports/2026-W45")))["generatedAt"]!.GetValue<DateTimeOffset>();

        var list = (await ApiJson.ReadAsync(await _client.GetAsync("/api/reports"))).AsArray();
        var again = (await ApiJson.ReadAsync(await _client.GetAsync("/api/reports/2026-W45")))["generatedAt"]!.GetValue<DateTimeOffset>();

        Assert.That(again, Is.EqualTo(first));
        Assert.That(list.Select(r => r!["week"]!.GetValue<string>()), Does.Contain("2026-W45"));
    }

    [Test]
    public async Task People_OfTheCombinedTeam_IncludeSomeoneDoingBothRoles()
    {
        var team = await TeamAsync("Mobile App");
        var roles = new List<string>();
        foreach (var week in new[] { "2026-W40", "2026-W42", "2026-W44", Week })
        {
            var people = await ApiJson.ReadAsync(await _client.GetAsync($"/api/teams/{team}/people?week={week}"));
            roles.AddRange(people["people"]!.AsArray().Select(p => p!["role"]!.GetValue<string>()));
        }

        Assert.That(roles, Does.Contain("combined"));
    }

    [TestCase("/api/teams/1/balance?from=2026-W99")]
    [TestCase("/api/teams/1/balance?from=2026-W47&to=2026-W40")]
    [TestCase("/api/teams/1/balance?from=2000-W01&to=2026-W40")]
    [TestCase("/api/teams/1/people?week=last-week")]
    [TestCase("/api/org/balance?week=2026-47")]
    [TestCase("/api/reports/2026-W00")]
    [TestCase("/api/reports/2026-W46?format=pdf")]
    [TestCase("/api/activities?week=W47")]
    [TestCase("/api/activities?class=visionary")]
    public async Task Get_BadWeekOrRangeOrFormat_IsBadRequest(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("/api/reports/2024-W10")]
    [TestCase("/api/teams/99999/balance")]
    [TestCase("/api/teams/99999/people")]
    public async Task Get_NothingThere_IsNotFound(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<long> TeamAsync(string name) =>
        (await ApiJson.ReadAllPagesAsync(_client, "/api/teams")).Single(t => t!["name"]!.GetValue<string>() == name)["id"]!.GetValue<long>();
}
