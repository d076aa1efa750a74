using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace BacklogInsight.Storage.Tests.Writing;

[TestFixture]
public sealed class ChangeWriterTests
{
    private const string Holder = "test-host:1:abc";
    private StorageFixture _storage = null!;
    private Guid _runId;

    [SetUp]
    public async Task SetUp()
    {
        _storage = await StorageFixture.CreateAsync();
        await using var db = _storage.CreateContext();
        _runId = Guid.NewGuid();
        db.SyncRuns.Add(new SyncRun { Id = _runId, ConnectionId = _storage.ConnectionId, Trigger = "test", QueuedAt = _storage.Time.GetUtcNow() });
        await db.SaveChangesAsync();
        await new SyncLease(db, _storage.Time).TryAcquireAsync(_storage.ConnectionId, Holder, TimeSpan.FromMinutes(1), CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown() => await _storage.DisposeAsync();

    [Test]
    public async Task WritePage_SamePageTwice_StoresEachActivityOnce()
    {
        await WriteAsync(Page("cp-1", ("1", "c1"), ("1", "c2"), ("2", "c3")));

        var second = await WriteAsync(Page("cp-1", ("1", "c1"), ("1", "c2"), ("2", "c3")));

        await using var db = _storage.CreateContext();
        Assert.That(await db.Activities.CountAsync(), Is.EqualTo(3));
        Assert.That(await db.WorkItems.CountAsync(), Is.EqualTo(2));
        Assert.That(second, Is.EqualTo(new PageWriteResult(2, 0, 3)));
    }

    [Test]
    public async Task WritePage_ItemChanged_UpdatesTheStoredRowInPlace()
    {
        await WriteAsync(Page("cp-1", ("1", "c1")));
        var changed = Page("cp-2", ("1", "c2")) with { Items = [Some.WorkItem(_storage.ConnectionId, "1", status: "Done")] };

        await WriteAsync(changed);

        await using var db = _storage.CreateContext();
        var item = await db.WorkItems.SingleAsync();
        Assert.That(item.Status, Is.EqualTo("Done"));
        Assert.That(item.Labels, Is.EqualTo(new[] { "checkout" }));
    }

    [Test]
    public async Task WritePage_EveryWorkItemField_ReadsBackAsWrittenAndAnUpdateKeepsTheRowId()
    {
        var item = new WorkItem
        {
            ConnectionId = _storage.ConnectionId,
            SourceId = "7",
            Key = "PAY-7",
            Type = "Epic",
            HierarchyLevel = 1,
            Title = "Checkout \"v2\" – ünïcode",
            Status = "In Progress",
            StatusCategory = StatusCategory.InProgress,
            TeamSourceId = "team-1",
            AssigneeSourceId = "alice",
            ReporterSourceId = "bob",
            ParentSourceId = "3",
            SprintSourceId = "42",
            Labels = ["checkout", "q4"],
            CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(70), // sub-second, within PostgreSQL's microseconds
            UpdatedAt = new DateTimeOffset(2026, 11, 2, 3, 4, 5, TimeSpan.Zero),
            Url = "https://example.atlassian.net/browse/PAY-7",
        };
        await WriteAsync(Page("cp-1", ("7", "c1")) with { Items = [item] });
        long firstId;
        await using (var db = _storage.CreateContext())
        {
            var stored = await db.WorkItems.AsNoTracking().SingleAsync();
            firstId = stored.Id;
            Assert.That(Fields(stored), Is.EqualTo(Fields(item)));
        }

        var moved = Some.WorkItem(_storage.ConnectionId, "7");
        await WriteAsync(Page("cp-2", ("7", "c2")) with { Items = [moved] });

        await using var check = _storage.CreateContext();
        var updated = await check.WorkItems.AsNoTracking().SingleAsync();
        Assert.That(updated.Id, Is.EqualTo(firstId));
        Assert.That(Fields(updated), Is.EqualTo(Fields(moved)));
    }

    [Test]
    public async Task WritePage_KeyRepeatedWithinThePage_StoresItOnce()
    {
        var result = await WriteAsync(Page("cp-1", ("1", "c1"), ("1", "c1"), ("1", "c2")));

        await using var db = _storage.CreateContext();
        Assert.That(await db.Activities.CountAsync(), Is.EqualTo(2));
        Assert.That(result, Is.EqualTo(new PageWriteResult(1, 2, 1)));
    }

    [Test]
    public async Task WritePage_Always_AdvancesCheckpointAndRunCountersWithThePage()
    {
        await WriteAsync(Page("cp-1", ("1", "c1"), ("2", "c2")) with { Requests = 3, Retries = 1 });
        await WriteAsync(Page("cp-2", ("2", "c2"), ("3", "c3")) with { Requests = 2 });

        await using var db = _storage.CreateContext();
        var state = await db.SyncStates.SingleAsync();
        var run = await db.SyncRuns.SingleAsync();
        Assert.That(state.Checkpoint, Is.EqualTo("cp-2"));
        Assert.That((run.Pages, run.Requests, run.Retries, run.ActivitiesAdded, run.Items), Is.EqualTo((2, 5, 1, 3, 4)));
    }

    [Test]
    public async Task WritePage_LeaseTakenByAnotherProcess_StoresNothing()
    {
        _storage.Time.Advance(TimeSpan.FromMinutes(2));
        await using (var db = _storage.CreateContext())
        {
            Assert.That(await new SyncLease(db, _storage.Time).TryAcquireAsync(_storage.ConnectionId, "other:2:def", TimeSpan.FromMinutes(1), CancellationToken.None), Is.True);
        }

        Assert.That(async () => await WriteAsync(Page("cp-1", ("1", "c1"))), Throws.TypeOf<SyncLeaseLostException>());

        await using var check = _storage.CreateContext();
        Assert.That(await check.Activities.CountAsync(), Is.Zero);
        Assert.That((await check.SyncStates.SingleAsync()).Checkpoint, Is.Null);
    }

    [Test]
    public async Task WritePage_LeaseLapsedButNotTaken_StoresThePageAndRenewsTheLease()
    {
        _storage.Time.Advance(TimeSpan.FromMinutes(5));

        await WriteAsync(Page("cp-1", ("1", "c1")));

        await using var db = _storage.CreateContext();
        var state = await db.SyncStates.SingleAsync();
        Assert.That(state.Checkpoint, Is.EqualTo("cp-1"));
        Assert.That(state.LeaseExpiresAt, Is.GreaterThan(_storage.Time.GetUtcNow()));
    }

    [Test]
    public async Task WritePage_ClassifiedActivities_AddToCountsExactlyAsARecountWould()
    {
        var week = new BacklogInsight.Domain.Balance.IsoWeek(2026, 45);
        PageWrite Classified(string checkpoint, params (string Key, ActivityClass Class, string Actor)[] rows) => Page(checkpoint, rows.Select(r => ("1", r.Key)).ToArray()) with
        {
            Activities = rows.Select((r, i) => new Activity
            {
                ConnectionId = _storage.ConnectionId,
                SourceKey = r.Key,
                WorkItemSourceId = "1",
                ActorSourceId = r.Actor,
                OccurredAt = new DateTimeOffset(2026, 11, 3, 9, i, 0, TimeSpan.Zero),
                Kind = ActivityKind.Commented,
                TeamSourceId = "1",
                Week = week,
                Classification = new Classification { Class = r.Class, Confidence = 0.8, RuleId = "test" },
            }).ToList(),
        };
        await WriteAsync(Classified("cp-1", ("a", ActivityClass.Tactical, "po"), ("b", ActivityClass.Delivery, "dev")));
        await WriteAsync(Classified("cp-2", ("b", ActivityClass.Delivery, "dev"), ("c", ActivityClass.Tactical, "po"), ("d", ActivityClass.Strategic, "pm")));

        await using var db = _storage.CreateContext();
        var incremental = await db.ActivityCounts.OrderBy(c => c.ActorSourceId).Select(c => new { c.ActorSourceId, c.Class, c.Count, c.LastAt }).ToListAsync();
        await new BacklogInsight.Storage.Aggregates.ActivityCountRefresher(db).RefreshAsync(
            [new BacklogInsight.Storage.Aggregates.TeamWeek(_storage.ConnectionId, "1", 202645)], CancellationToken.None);
        var recounted = await db.ActivityCounts.OrderBy(c => c.ActorSourceId).Select(c => new { c.ActorSourceId, c.Class, c.Count, c.LastAt }).ToListAsync();
        Assert.That(incremental, Is.EqualTo(recounted));
        Assert.That(incremental.Select(c => (c.ActorSourceId, c.Count)), Is.EqualTo(new[] { ("dev", 1), ("pm", 1), ("po", 2) }));
    }

    [Test]
    public async Task WritePage_ActivityOfAnotherConnection_IsRefused()
    {
        var foreign = Page("cp-1", ("1", "c1")) with { Activities = [Some.Activity(Guid.NewGuid(), "1", "c1")] };

        Assert.That(async () => await WriteAsync(foreign), Throws.InvalidOperationException);
    }

    [Test]
    public async Task WriteCatalogue_Twice_UpdatesPeopleInsteadOfDuplicating()
    {
        var alice = new Person { ConnectionId = _storage.ConnectionId, SourceId = "alice", DisplayName = "Alice" };
        await using (var db = _storage.CreateContext())
        {
            await new ChangeWriter(db, new BacklogInsight.Storage.Aggregates.ActivityCountRefresher(db), _storage.Checkpointer, _storage.Time).WriteCatalogueAsync(_storage.ConnectionId, [], [alice], [], CancellationToken.None);
        }

        await using (var db = _storage.CreateContext())
        {
            var deactivated = new Person { ConnectionId = _storage.ConnectionId, SourceId = "alice", DisplayName = "Alice B.", IsActive = false };
            await new ChangeWriter(db, new BacklogInsight.Storage.Aggregates.ActivityCountRefresher(db), _storage.Checkpointer, _storage.Time).WriteCatalogueAsync(_storage.ConnectionId, [], [deactivated], [], CancellationToken.None);
        }

        await using var check = _storage.CreateContext();
        var stored = await check.People.SingleAsync();
        Assert.That((stored.DisplayName, stored.IsActive), Is.EqualTo(("Alice B.", false)));
    }

    private static string Fields(WorkItem w) =>
        string.Join("|", w.ConnectionId, w.SourceId, w.Key, w.Type, w.HierarchyLevel, w.Title, w.Status, w.StatusCategory, w.TeamSourceId,
            w.AssigneeSourceId, w.ReporterSourceId, w.ParentSourceId, w.SprintSourceId, string.Join(",", w.Labels),
            w.CreatedAt.UtcTicks, w.UpdatedAt.UtcTicks, w.Url);

    [Test]
    public async Task WritePage_ActivityText_EmptyNonAsciiLongAndMissing_ReadsBackAsWritten()
    {
        // Longer than the inserter's first text buffer, within the column's 2,000 characters.
        var longText = string.Concat(Enumerable.Repeat("Akzeptanzkriterien für Zahlungen ✓ 支付 😀; ", 40));
        var id = _storage.ConnectionId;
        var page = Page("cp-1", ("1", "c0")) with
        {
            Activities =
            [
                new Activity { ConnectionId = id, SourceKey = "c1", WorkItemSourceId = "1", ActorSourceId = "alice", OccurredAt = Some.Start, Kind = ActivityKind.Commented, Text = string.Empty, From = string.Empty },
                new Activity { ConnectionId = id, SourceKey = "c2", WorkItemSourceId = "1", ActorSourceId = "alice", OccurredAt = Some.Start, Kind = ActivityKind.Commented, Text = "Grüße – naïve café ✓ 😀" },
                new Activity { ConnectionId = id, SourceKey = "c3", WorkItemSourceId = "1", ActorSourceId = "alice", OccurredAt = Some.Start, Kind = ActivityKind.Commented, Text = longText },
                new Activity { ConnectionId = id, SourceKey = "c4", WorkItemSourceId = "1", OccurredAt = Some.Start, Kind = ActivityKind.Commented },
            ],
        };

        await WriteAsync(page);

        await using var db = _storage.CreateContext();
        var stored = await db.Activities.OrderBy(a => a.SourceKey).ToListAsync();
        Assert.That(stored.Select(a => a.Text), Is.EqualTo(new[] { string.Empty, "Grüße – naïve café ✓ 😀", longText, null }));
        Assert.That(stored[0].From, Is.EqualTo(string.Empty));
        Assert.That(stored[3].ActorSourceId, Is.Null);
        Assert.That(stored.Select(a => a.WorkItemSourceId), Is.All.EqualTo("1"));
    }

    private PageWrite Page(string checkpoint, params (string Item, string Key)[] activities) => new()
    {
        ConnectionId = _storage.ConnectionId,
        RunId = _runId,
        LeaseHolder = Holder,
        LeaseDuration = TimeSpan.FromMinutes(1),
        Items = activities.Select(a => a.Item).Distinct().Select(id => Some.WorkItem(_storage.ConnectionId, id)).ToList(),
        Activities = activities.Select((a, i) => Some.Activity(_storage.ConnectionId, a.Item, a.Key, i)).ToList(),
        Checkpoint = checkpoint,
    };

    private async Task<PageWriteResult> WriteAsync(PageWrite page)
    {
        await using var db = _storage.CreateContext();
        return await new ChangeWriter(db, new BacklogInsight.Storage.Aggregates.ActivityCountRefresher(db), _storage.Checkpointer, _storage.Time).WritePageAsync(page, CancellationToken.None);
    }
}
