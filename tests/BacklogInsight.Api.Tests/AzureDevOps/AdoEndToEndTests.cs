using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.AzureDevOps;

/// <summary>
/// The Azure DevOps connector end to end: a fake organisation (4 projects, 12 teams, 400 work items) on loopback,
/// synced through the API into SQLite, classified and counted into each team's balance.
/// </summary>
[TestFixture]
public sealed class AdoEndToEndTests
{
    private const int Items = 400;
    private FakeAdoServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private Guid _connection;
    private IReadOnlyDictionary<string, long> _firstSyncRequests = null!;

    [OneTimeSetUp]
    public async Task SyncTheFakeOrganisation()
    {
        _fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(new FakeAdoOptions { Items = Items, LongHistoryShare = 0.01, ManyCommentsShare = 0.01 }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, AdoSyncHarness.HostSettings(batchSize: 50));
        _client = _factory.CreateClient();
        _connection = await AdoSyncHarness.CreateConnectionAsync(_client, _fake, projects: [.. FakeAdoOrganisation.ProjectNames]);
        Assert.That(await AdoSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);
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
    public async Task FullSync_StoresExactlyTheOrganisationsItemsUpdatesAndComments()
    {
        var expected = _fake.Organisation.ExpectedActivityKeys();
        var stored = await AdoSyncHarness.StoredAsync(_data.Path, "SELECT SourceKey FROM Activities");
        var items = await AdoSyncHarness.StoredAsync(_data.Path, "SELECT SourceId FROM WorkItems");

        Assert.That(items, Is.EquivalentTo(Enumerable.Range(1, Items).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(stored.Count(k => k.StartsWith('u')), Is.EqualTo(expected.Count(k => k.StartsWith('u'))), "update activities");
        Assert.That(stored.Count(k => k.StartsWith("c", StringComparison.Ordinal) && !k.StartsWith("cr", StringComparison.Ordinal)),
            Is.EqualTo(expected.Count(k => k.StartsWith("c", StringComparison.Ordinal) && !k.StartsWith("cr", StringComparison.Ordinal))), "comments");
        Assert.That(AdoSyncHarness.Fingerprint(stored), Is.EqualTo(AdoSyncHarness.Fingerprint(expected)));
    }

    [Test]
    public void FullSync_MakesNoMoreRequestsThanTheUpdatesApiRequires()
    {
        var (wiql, batch, updates, comments) = _fake.Organisation.MinimumRequests(scopes: 4);

        Assert.That(_firstSyncRequests[FakeAdoServer.Wiql], Is.EqualTo(wiql), "one WIQL query per project");
        Assert.That(batch, Is.EqualTo(2));
        Assert.That(_firstSyncRequests[FakeAdoServer.Batch], Is.EqualTo(4 * 2), "batches: 100 items per project in pages of 50 (this test's page size)");
        Assert.That(_firstSyncRequests[FakeAdoServer.Updates], Is.EqualTo(updates), "updates pages");
        Assert.That(_firstSyncRequests[FakeAdoServer.Comments], Is.EqualTo(comments), "comments pages");
        Assert.That(updates, Is.GreaterThan(Items), "some items have more than one page of updates");
        Assert.That(_firstSyncRequests.GetValueOrDefault(FakeAdoServer.OverCap), Is.Zero);
    }

    [Test]
    public async Task FullSync_StoresPlainTextParentsIterationsAndTeamsOfEachItem()
    {
        var organisation = _fake.Organisation;
        var index = Enumerable.Range(0, Items).First(i => organisation.Item(i).Fields.ContainsKey("System.Parent"));
        var item = organisation.Item(index);
        var stored = await ApiJson.ReadAllPagesAsync(_client, "/api/work-items");
        var row = stored.Single(w => w!["sourceId"]!.GetValue<string>() == item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        var teams = await ApiJson.ReadAllPagesAsync(_client, "/api/teams");
        var team = organisation.Teams.Single(t => ((string)item.Fields["System.AreaPath"]).StartsWith(t.AreaPath, StringComparison.Ordinal));

        Assert.That(teams, Has.Count.EqualTo(12));
        Assert.That(row["parentSourceId"]?.GetValue<string>(), Is.EqualTo(((int)item.Fields["System.Parent"]).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(row["teamSourceId"]?.GetValue<string>(), Is.EqualTo(team.Id));
        Assert.That(row["sprintSourceId"]?.GetValue<string>(), Is.Not.Null);
        var html = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM Activities WHERE Text LIKE '%<div>%' OR Text LIKE '%&nbsp;%' OR \"To\" LIKE '%<li>%'");
        Assert.That(html, Is.Zero, "descriptions, acceptance criteria and comments are stored as plain text");
    }

    [Test]
    public async Task FullSync_ClassifiesEveryActivityAndCountsThemForTheTeams()
    {
        var team = _fake.Organisation.Teams.First();
        var stored = await ApiJson.ReadAllPagesAsync(_client, "/api/teams");
        var id = stored.Single(t => t!["name"]!.GetValue<string>() == team.Name)!["id"];
        var balance = await ApiJson.ReadAsync(await _client.GetAsync($"/api/teams/{id}/balance?from=2026-W30&to=2026-W46"));

        var counted = balance["weeks"]!.AsArray()
            .Sum(w => new[] { "strategic", "tactical", "delivery", "other" }.Sum(c => w!["counts"]![c]!.GetValue<int>()));
        var forTeam = await DatabaseSnapshot.ScalarAsync(_data.Path, $"SELECT COUNT(*) FROM Activities WHERE TeamSourceId = '{team.Id}'");
        var unclassified = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM Activities WHERE Class IS NULL");
        var withoutTeam = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM Activities WHERE TeamSourceId IS NULL");

        Assert.That(unclassified, Is.Zero);
        Assert.That(withoutTeam, Is.Zero, "every item lies in a team's area");
        Assert.That(forTeam, Is.GreaterThan(100));
        Assert.That(counted, Is.EqualTo(forTeam));
    }

    [Test, Order(100)]
    public async Task SecondSync_WithNoChanges_AddsNothingAndCostsOneQueryPerProject()
    {
        var before = await DatabaseSnapshot.FingerprintAsync(_data.Path);
        _fake.ResetCounts();

        Assert.That(await AdoSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);

        var counts = _fake.Counts();
        Assert.That(counts.GetValueOrDefault(FakeAdoServer.Wiql), Is.LessThanOrEqualTo(4), string.Join(", ", counts));
        Assert.That(counts.GetValueOrDefault(FakeAdoServer.Batch) + counts.GetValueOrDefault(FakeAdoServer.Updates) + counts.GetValueOrDefault(FakeAdoServer.Comments), Is.Zero, string.Join(", ", counts));
        Assert.That(await DatabaseSnapshot.FingerprintAsync(_data.Path), Is.EqualTo(before));
    }

    [Test, Order(101)]
    public async Task NextSync_AfterEditsMovesAndRetypes_AddsExactlyTheNewActivitiesAndFollowsTheItems()
    {
        var organisation = _fake.Organisation;
        var latest = organisation.LatestChange();
        organisation.Touch(3, latest + TimeSpan.FromMilliseconds(1));
        organisation.Move(8, project: 2, latest + TimeSpan.FromMinutes(5));
        organisation.Retype(13, typeIndex: organisation.Item(13).Fields["System.WorkItemType"] is "Bug" ? 1 : 0, latest + TimeSpan.FromMinutes(9));
        _fake.ResetCounts();

        Assert.That(await AdoSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);

        var stored = await AdoSyncHarness.StoredAsync(_data.Path, "SELECT SourceKey FROM Activities");
        Assert.That(AdoSyncHarness.Fingerprint(stored), Is.EqualTo(AdoSyncHarness.Fingerprint(organisation.ExpectedActivityKeys())));
        var moved = organisation.Projects[2].Teams[(8 / 4) % 3];
        Assert.That(await AdoSyncHarness.StoredAsync(_data.Path, "SELECT TeamSourceId FROM WorkItems WHERE SourceId = '9'"), Is.EqualTo(new[] { moved.Id }));
        Assert.That(await AdoSyncHarness.StoredAsync(_data.Path, "SELECT Type FROM WorkItems WHERE SourceId = '14'"),
            Is.EqualTo(new[] { (string)organisation.Item(13).Fields["System.WorkItemType"] }));
        Assert.That(_fake.CountOf(FakeAdoServer.Wiql), Is.EqualTo(4));
    }
}
