using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>
/// The Jira connector end to end: a fake Jira Cloud site of 300 issues on loopback, synced through the API into
/// SQLite, classified and counted into the board's team balance.
/// </summary>
[TestFixture]
public sealed class JiraEndToEndTests
{
    private const int Issues = 300;
    private FakeJiraServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private Guid _connection;
    private IReadOnlyDictionary<string, long> _firstSyncRequests = null!;

    [OneTimeSetUp]
    public async Task SyncTheFakeSite()
    {
        _fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = Issues }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, new Dictionary<string, string?> { ["Organisation:TimeZone"] = "Europe/Berlin" });
        _client = _factory.CreateClient();
        _connection = await JiraSyncHarness.CreateConnectionAsync(_client, _fake);
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);
        _firstSyncRequests = _fake.Counts();
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task FullSync_StoresExactlyTheSitesIssuesHistoriesAndComments()
    {
        var expected = JiraSyncHarness.ExpectedActivityKeys(_fake.Site);
        var stored = await JiraSyncHarness.StoredAsync(_data.Path, "SELECT SourceKey FROM Activities");
        var items = await JiraSyncHarness.StoredAsync(_data.Path, "SELECT Key FROM WorkItems");

        Assert.That(items, Has.Count.EqualTo(Issues));
        Assert.That(items, Is.EquivalentTo(Enumerable.Range(1, Issues).Select(n => $"PAY-{n}")));
        Assert.That(stored, Has.Count.EqualTo(expected.Count));
        Assert.That(stored.Count(k => k.StartsWith('h')), Is.EqualTo(expected.Count(k => k.StartsWith('h'))), "history items");
        Assert.That(stored.Count(k => k.StartsWith("c", StringComparison.Ordinal) && !k.StartsWith("cr", StringComparison.Ordinal)),
            Is.EqualTo(expected.Count(k => k.StartsWith("c", StringComparison.Ordinal) && !k.StartsWith("cr", StringComparison.Ordinal))), "comments");
        Assert.That(JiraSyncHarness.Fingerprint(stored), Is.EqualTo(JiraSyncHarness.Fingerprint(expected)));
    }

    [Test]
    public void FullSync_MakesNoMoreRequestsThanTheApiRequires()
    {
        var (search, changelog, comment) = _fake.Site.MinimumRequests(100);

        Assert.That(_fake.Site.Options.LongHistoryShare * Issues, Is.GreaterThan(2), "some issues overflow the inline changelog");
        Assert.That(_firstSyncRequests[FakeJiraServer.Search], Is.EqualTo(search), "search pages");
        Assert.That(_firstSyncRequests.GetValueOrDefault(FakeJiraServer.Changelog), Is.EqualTo(changelog), "changelog overflow pages");
        Assert.That(_firstSyncRequests.GetValueOrDefault(FakeJiraServer.Comment), Is.EqualTo(comment), "comment overflow pages");
        Assert.That(changelog, Is.GreaterThan(0));
        Assert.That(comment, Is.GreaterThan(0));
    }

    [Test]
    public async Task FullSync_ClassifiesEveryActivityAndCountsThemForTheBoardsTeam()
    {
        var team = (await ApiJson.ReadAllPagesAsync(_client, "/api/teams")).Single(t => t!["name"]!.GetValue<string>() == "PAY board");
        var balance = await ApiJson.ReadAsync(await _client.GetAsync($"/api/teams/{team["id"]}/balance?from=2026-W30&to=2026-W46"));

        var counted = balance["weeks"]!.AsArray()
            .Sum(w => new[] { "strategic", "tactical", "delivery", "other" }.Sum(c => w!["counts"]![c]!.GetValue<int>()));
        var stored = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM Activities WHERE TeamSourceId = '7'");
        var unclassified = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM Activities WHERE Class IS NULL");

        Assert.That(stored, Is.EqualTo(JiraSyncHarness.ExpectedActivityKeys(_fake.Site).Count), "every activity belongs to the board's team");
        Assert.That(unclassified, Is.Zero);
        Assert.That(counted, Is.EqualTo(stored));
        Assert.That(balance["weeks"]!.AsArray().Count(w => w!["counts"]!["delivery"]!.GetValue<int>() > 0), Is.GreaterThan(4));
    }

    [Test, Order(100)]
    public async Task SecondSync_WithNoChanges_AddsNothingAndCostsOneSearch()
    {
        var before = await DatabaseSnapshot.FingerprintAsync(_data.Path);
        _fake.ResetCounts();

        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);

        var counts = _fake.Counts();
        Assert.That(counts.GetValueOrDefault(FakeJiraServer.Search), Is.LessThanOrEqualTo(1), string.Join(", ", counts));
        Assert.That(counts.GetValueOrDefault(FakeJiraServer.Changelog) + counts.GetValueOrDefault(FakeJiraServer.Comment), Is.Zero);
        Assert.That(await DatabaseSnapshot.FingerprintAsync(_data.Path), Is.EqualTo(before));
    }

    [Test, Order(101)]
    public async Task NextSync_AfterEditsInJira_AddsExactlyTheNewHistoriesAndComments()
    {
        var activities = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM Activities");
        var latest = Enumerable.Range(0, Issues).Max(_fake.Site.UpdatedOf);

        // Edited within the same minute as the watermark and an hour later, in the user's zone (Europe/Berlin).
        _fake.Site.Touch(3, latest + TimeSpan.FromSeconds(20));
        _fake.Site.Touch(77, latest + TimeSpan.FromHours(1));
        _fake.Site.Touch(150, latest + TimeSpan.FromHours(1.5));
        _fake.ResetCounts();
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);

        var stored = await JiraSyncHarness.StoredAsync(_data.Path, "SELECT SourceKey FROM Activities");
        Assert.That(stored, Has.Count.EqualTo(activities + 6));
        Assert.That(JiraSyncHarness.Fingerprint(stored), Is.EqualTo(JiraSyncHarness.Fingerprint(JiraSyncHarness.ExpectedActivityKeys(_fake.Site))));
        Assert.That(_fake.CountOf(FakeJiraServer.Search), Is.EqualTo(1));
    }
}
