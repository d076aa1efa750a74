using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>
/// The refresh a webhook queues: one issue read with its whole changelog and comments, stored through the same upsert
/// as a sync (a repeat adds nothing), or marked deleted only when Jira says it no longer exists.
/// </summary>
[TestFixture]
public sealed class JiraPushRefreshTests
{
    private FakeJiraServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private int _connections;

    [SetUp]
    public async Task StartAsync()
    {
        _fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = 30, LongHistoryShare = 0.3, InlineHistories = 5, InlineComments = 2 }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _client = _factory.CreateClient();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task Refresh_IssueNotYetSynced_StoresItWithEveryHistoryAndComment()
    {
        var connection = await CreateAsync();
        var index = Enumerable.Range(0, _fake.Site.Count).First(i => _fake.Site.Shape(i).Histories > 5 && _fake.Site.Shape(i).Comments > 2);
        var issue = _fake.Site.Issue(index);

        await JiraPushHarness.RefreshAsync(_factory, connection, issue.Id);

        var stored = await StoredKeysAsync(connection);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EquivalentTo(ExpectedKeys(issue)), "creation, every history item past the inline ones, every comment");
            Assert.That(_fake.CountOf(FakeJiraServer.Issue), Is.EqualTo(1));
            Assert.That(_fake.CountOf(FakeJiraServer.Search), Is.Zero, "one issue is read by id, not searched");
        });
        await JiraPushHarness.AssertCountsMatchLiveActivitiesAsync(_data.Path, connection);
    }

    [Test]
    public async Task Refresh_SameIssueTwiceAndAfterASync_AddsNothingTwice()
    {
        var connection = await CreateAsync();
        var issue = _fake.Site.Issue(3);
        await JiraPushHarness.RefreshAsync(_factory, connection, issue.Id);
        await JiraPushHarness.RefreshAsync(_factory, connection, issue.Id);
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, connection), Is.Null);
        await JiraPushHarness.RefreshAsync(_factory, connection, issue.Id);

        var stored = await StoredKeysAsync(connection);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.Count.EqualTo(stored.Distinct().Count()));
            Assert.That(stored, Is.EquivalentTo(JiraSyncHarness.ExpectedActivityKeys(_fake.Site)));
        });
        await JiraPushHarness.AssertCountsMatchLiveActivitiesAsync(_data.Path, connection);
    }

    [Test]
    public async Task Refresh_AfterAnEdit_AddsTheNewHistoryAndCommentWithoutMovingTheSyncCheckpoint()
    {
        var connection = await CreateAsync();
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, connection), Is.Null);
        var checkpoint = await CheckpointAsync(connection);
        var before = (await StoredKeysAsync(connection)).Count;
        _fake.Site.Touch(8, _fake.Site.Options.Start + _fake.Site.Options.Span + TimeSpan.FromHours(1));

        await JiraPushHarness.RefreshAsync(_factory, connection, _fake.Site.Issue(8).Id);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await StoredKeysAsync(connection)).Count, Is.EqualTo(before + 2), "one status change, one comment");
            Assert.That(await CheckpointAsync(connection), Is.EqualTo(checkpoint), "polling stays the source of truth");
        });
        await JiraPushHarness.AssertCountsMatchLiveActivitiesAsync(_data.Path, connection);
    }

    [Test]
    public async Task Refresh_DeletedIssue_MarksItDeletedAndTakesItOutOfTheBalance()
    {
        var connection = await CreateAsync();
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, connection), Is.Null);
        var countedBefore = await CountedAsync(connection);
        var issue = _fake.Site.Issue(5);
        _fake.Delete(5);

        await JiraPushHarness.RefreshAsync(_factory, connection, issue.Id, deleted: true);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await DeletedAsync(connection), Is.EqualTo(new[] { issue.Key }));
            Assert.That(await CountedAsync(connection), Is.LessThan(countedBefore));
            Assert.That(await StoredKeysAsync(connection), Is.SupersetOf(ExpectedKeys(issue)), "activities and their corrections are kept");
        });
        await JiraPushHarness.AssertCountsMatchLiveActivitiesAsync(_data.Path, connection);
    }

    [Test]
    public async Task Refresh_DeleteEventForAnIssueThatStillExists_KeepsIt()
    {
        var connection = await CreateAsync();
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, connection), Is.Null);

        await JiraPushHarness.RefreshAsync(_factory, connection, _fake.Site.Issue(5).Id, deleted: true);

        Assert.That(await DeletedAsync(connection), Is.Empty);
    }

    [Test]
    public async Task Refresh_DeletedIssueComesBack_IsRestoredAndCountsAgain()
    {
        var connection = await CreateAsync();
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, connection), Is.Null);
        var countedBefore = await CountedAsync(connection);
        _fake.Delete(5);
        await JiraPushHarness.RefreshAsync(_factory, connection, _fake.Site.Issue(5).Id, deleted: true);
        _fake.Restore(5);

        await JiraPushHarness.RefreshAsync(_factory, connection, _fake.Site.Issue(5).Id);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await DeletedAsync(connection), Is.Empty);
            Assert.That(await CountedAsync(connection), Is.EqualTo(countedBefore));
        });
    }

    [Test]
    public async Task Refresh_WhileASyncHoldsTheConnection_WaitsForAHangfireRetry()
    {
        var connection = await CreateAsync();
        await _factory.Services.GetRequiredServiceInScopeAsync<BacklogInsight.Storage.Writing.SyncLease, bool>(
            lease => lease.TryAcquireAsync(connection, "another-process", TimeSpan.FromMinutes(5), CancellationToken.None));

        var busy = Assert.ThrowsAsync<BacklogInsight.Workers.Jobs.ConnectionBusyException>(
            () => JiraPushHarness.RefreshAsync(_factory, connection, _fake.Site.Issue(1).Id));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(busy!.Message, Does.Contain("retried later"));
            Assert.That(await StoredKeysAsync(connection), Is.Empty);
        });
    }

    private static List<string> ExpectedKeys(FakeIssue issue) =>
        [.. new[] { "cr" + issue.Id }
            .Concat(issue.Histories.SelectMany(h => h.Items.Select((_, i) => $"h{h.Id}-{i}")))
            .Concat(issue.Comments.Select(c => "c" + c.Id))];

    private Task<Guid> CreateAsync() => JiraPushHarness.CreateConnectionAsync(_client, _fake, "push-" + Interlocked.Increment(ref _connections));

    private Task<List<string>> StoredKeysAsync(Guid connection) =>
        JiraSyncHarness.StoredAsync(_data.Path, $"SELECT SourceKey FROM Activities WHERE ConnectionId = '{Upper(connection)}'");

    private Task<List<string>> DeletedAsync(Guid connection) =>
        JiraSyncHarness.StoredAsync(_data.Path, $"SELECT Key FROM WorkItems WHERE ConnectionId = '{Upper(connection)}' AND DeletedAt IS NOT NULL");

    private Task<long> CountedAsync(Guid connection) =>
        JiraPushHarness.ScalarAsync(_data.Path, $"SELECT COALESCE(SUM(Count), 0) FROM ActivityCounts WHERE ConnectionId = '{Upper(connection)}'");

    private async Task<string> CheckpointAsync(Guid connection) =>
        (await JiraSyncHarness.StoredAsync(_data.Path, $"SELECT Checkpoint FROM SyncStates WHERE ConnectionId = '{Upper(connection)}'")).Single();

    private static string Upper(Guid id) => id.ToString("D").ToUpperInvariant();
}
