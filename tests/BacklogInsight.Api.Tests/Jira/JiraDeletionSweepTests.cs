using System.Net;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>
/// The periodic id sweep against the fake site: deleted issues are marked deleted and leave the balance, moved issues
/// keep their id and take the new key, issues that come back are restored, and a listing of nothing changes nothing.
/// </summary>
[TestFixture]
public sealed class JiraDeletionSweepTests
{
    private const int Issues = 60;
    private FakeJiraServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private Guid _connection;

    [SetUp]
    public async Task SyncAsync()
    {
        _fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = Issues, LongHistoryShare = 0.2 }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _client = _factory.CreateClient();
        _connection = await JiraPushHarness.CreateConnectionAsync(_client, _fake, "sweep");
        Assert.That(await JiraSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);
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
    public async Task Sweep_DeletedAndMovedIssues_AreReconciledWithOneCheapListing()
    {
        foreach (var index in new[] { 3, 17, 42 })
        {
            _fake.Delete(index);
        }

        _fake.Move(10, "PAY-9011");
        _fake.Move(20, "PAY-9021");
        _fake.ResetCounts();

        var run = await JiraPushHarness.SweepAsync(_factory, _connection);

        var deleted = await QueryAsync("SELECT Key FROM WorkItems WHERE DeletedAt IS NOT NULL AND ConnectionId = '{0}'");
        var moved = await QueryAsync("SELECT SourceId || ' ' || Key || ' ' || Url FROM WorkItems WHERE Key LIKE 'PAY-90%' AND ConnectionId = '{0}'");
        Assert.Multiple(() =>
        {
            Assert.That(run, Is.Not.Null);
            Assert.That(run!.Status, Is.EqualTo(SyncRunStatus.Succeeded), run.Error);
            Assert.That(run.Trigger, Is.EqualTo("sweep"));
            Assert.That((run.ItemsDeleted, run.ItemsMoved, run.ItemsRestored), Is.EqualTo((3, 2, 0)));
            Assert.That(deleted, Is.EquivalentTo(new[] { "PAY-4", "PAY-18", "PAY-43" }));
            Assert.That(moved, Is.EquivalentTo(new[]
            {
                $"{_fake.Site.Issue(10).Id} PAY-9011 {_fake.BaseUrl.AbsoluteUri.TrimEnd('/')}/browse/PAY-9011",
                $"{_fake.Site.Issue(20).Id} PAY-9021 {_fake.BaseUrl.AbsoluteUri.TrimEnd('/')}/browse/PAY-9021",
            }));
            Assert.That(_fake.CountOf(FakeJiraServer.Search), Is.EqualTo(1), "ids only, one page for 60 issues");
            Assert.That(_fake.Counts().Keys, Is.EquivalentTo(new[] { FakeJiraServer.Search }), "no changelog, comment or issue reads");
            Assert.That(run.Requests, Is.EqualTo(1));
        });
        await JiraPushHarness.AssertCountsMatchLiveActivitiesAsync(_data.Path, _connection);
        var listed = (await ApiJson.ReadAsync(await _client.GetAsync("/api/work-items?limit=1000")))["items"]!.AsArray()
            .Select(i => i!["key"]!.GetValue<string>()).ToList();
        Assert.That(listed, Has.Count.EqualTo(Issues - 3).And.No.AnyOf("PAY-4", "PAY-18", "PAY-43").And.Contain("PAY-9011"));
    }

    [Test]
    public async Task Sweep_IssueBackInTheSite_IsRestoredAndCountsAgain()
    {
        var counted = await CountedAsync();
        _fake.Delete(7);
        await JiraPushHarness.SweepAsync(_factory, _connection);
        var whileDeleted = await CountedAsync();
        _fake.Restore(7);

        var run = await JiraPushHarness.SweepAsync(_factory, _connection);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(whileDeleted, Is.LessThan(counted));
            Assert.That(run!.ItemsRestored, Is.EqualTo(1));
            Assert.That(await CountedAsync(), Is.EqualTo(counted));
            Assert.That(await QueryAsync("SELECT Key FROM WorkItems WHERE DeletedAt IS NOT NULL AND ConnectionId = '{0}'"), Is.Empty);
        });
    }

    [Test]
    public async Task Sweep_NothingChanged_ChangesNothing()
    {
        var counted = await CountedAsync();

        var run = await JiraPushHarness.SweepAsync(_factory, _connection);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((run!.ItemsDeleted, run.ItemsMoved, run.ItemsRestored, run.Items), Is.EqualTo((0, 0, 0, Issues)));
            Assert.That(await CountedAsync(), Is.EqualTo(counted));
        });
    }

    [Test]
    public async Task Sweep_SiteListsNothing_MarksNothingDeletedAndSaysWhy()
    {
        for (var i = 0; i < Issues; i++)
        {
            _fake.Delete(i);
        }

        var run = await JiraPushHarness.SweepAsync(_factory, _connection);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(run!.Status, Is.EqualTo(SyncRunStatus.Failed));
            Assert.That(run.Error, Does.Contain("listed no items at all").And.Contain("permissions"));
            Assert.That(await QueryAsync("SELECT Key FROM WorkItems WHERE DeletedAt IS NOT NULL AND ConnectionId = '{0}'"), Is.Empty);
        });
    }

    [Test]
    public async Task Sweep_SiteFailsMidListing_MarksNothingDeleted()
    {
        _fake.Delete(3);
        _fake.FailSearchFromOffset = 0;

        var run = await JiraPushHarness.SweepAsync(_factory, _connection);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(run!.Status, Is.EqualTo(SyncRunStatus.Failed));
            Assert.That(run.Error, Does.StartWith("Deletion sweep: ").And.Contain("400"));
            Assert.That(await QueryAsync("SELECT Key FROM WorkItems WHERE DeletedAt IS NOT NULL AND ConnectionId = '{0}'"), Is.Empty);
        });
    }

    [Test]
    public async Task Completeness_AfterSyncAndSweep_SaysWhatWasCompletedReconciledAndMapped()
    {
        _fake.Delete(3);
        _fake.Move(10, "PAY-9011");
        await JiraPushHarness.SweepAsync(_factory, _connection);

        var response = await _client.GetAsync($"/api/connections/{_connection}/completeness");

        var body = await ApiJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
            Assert.That(body["lastSucceededAt"]!.GetValue<DateTimeOffset>(), Is.Not.EqualTo(default(DateTimeOffset)));
            Assert.That(body["changelogsCompleted"]!.GetValue<int>(), Is.GreaterThan(0), "the site has issues with more history than the search embeds");
            Assert.That(body["itemsDeleted"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["itemsMoved"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["workItems"]!.GetValue<int>(), Is.EqualTo(Issues - 1));
            Assert.That(body["deletedWorkItems"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(body["lastSweep"]!["trigger"]!.GetValue<string>(), Is.EqualTo("sweep"));
            Assert.That(body["mappedFields"]!.AsArray().Select(f => f!["sourceField"]!.GetValue<string>()), Does.Contain("Sprint").And.Contain("status"));
            Assert.That(body["requests"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(body["messages"]!.AsArray().Select(m => m!.GetValue<string>()), Has.Some.Contains("reconciled 1 deleted, 1 moved"));
        });
    }

    private Task<List<string>> QueryAsync(string sql) =>
        JiraSyncHarness.StoredAsync(_data.Path, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, _connection.ToString("D").ToUpperInvariant()));

    private Task<long> CountedAsync() =>
        JiraPushHarness.ScalarAsync(_data.Path, $"SELECT COALESCE(SUM(Count), 0) FROM ActivityCounts WHERE ConnectionId = '{_connection.ToString("D").ToUpperInvariant()}'");
}
