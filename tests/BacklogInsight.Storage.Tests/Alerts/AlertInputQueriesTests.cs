using BacklogInsight.Domain.Alerts;
using BacklogInsight.Domain.Balance;
using BacklogInsight.Domain.Model;
using BacklogInsight.Storage.Aggregates;
using BacklogInsight.Storage.Queries;

namespace BacklogInsight.Storage.Tests.Alerts;

/// <summary>The rules' input read from stored activities through the per-week counts.</summary>
[TestFixture]
public sealed class AlertInputQueriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private StorageFixture _storage = null!;
    private int _next;

    [SetUp]
    public async Task SetUp()
    {
        _storage = await StorageFixture.CreateAsync();
        await using var db = _storage.CreateContext();
        db.Teams.Add(new Team { ConnectionId = _storage.ConnectionId, SourceId = "1", Name = "Payments", OwnerSourceId = "olga" });
        db.Teams.Add(new Team { ConnectionId = _storage.ConnectionId, SourceId = "2", Name = "Mobile" });
        db.People.AddRange(
            new Person { ConnectionId = _storage.ConnectionId, SourceId = "olga", DisplayName = "Olga Owner", IsActive = false },
            new Person { ConnectionId = _storage.ConnectionId, SourceId = "dev", DisplayName = "Dev One" },
            new Person { ConnectionId = _storage.ConnectionId, SourceId = "bot", DisplayName = "Automation for Jira", IsBot = true });
        var epic = Item("E1", 1, StatusCategory.InProgress, null, "1");
        var oldEpic = Item("E2", 1, StatusCategory.InProgress, null, "1");
        db.WorkItems.AddRange(epic, oldEpic);
        db.WorkItems.AddRange(Enumerable.Range(0, 3).Select(i => Item($"S{i}", 0, StatusCategory.Done, "E1", "1", Now.AddDays(-5))));
        db.WorkItems.AddRange(Enumerable.Range(3, 5).Select(i => Item($"S{i}", 0, StatusCategory.Done, "E2", "1", Now.AddDays(-5))));
        db.WorkItems.Add(Item("S9", 0, StatusCategory.Done, "E1", "1", Now.AddDays(-120)));
        await db.SaveChangesAsync();

        await AddAsync(
            Activity("olga", "S1", ActivityClass.Tactical, Now.AddDays(-40), ActivityKind.FieldChanged, "Rank"),
            Activity("olga", "E1", ActivityClass.Strategic, Now.AddDays(-100)),
            Activity("olga", "E2", ActivityClass.Strategic, Now.AddDays(-200)),
            Activity("bot", "S2", ActivityClass.Tactical, Now.AddDays(-1), ActivityKind.FieldChanged, "Rank"),
            Activity("dev", "S1", ActivityClass.Delivery, Now.AddDays(-3)),
            Activity("dev", "S2", ActivityClass.Delivery, Now.AddDays(-10)),
            Activity("dev", "S3", ActivityClass.Delivery, Now.AddDays(-60)),
            Activity("dev", "S4", ActivityClass.Delivery, Now.AddDays(-150)));
    }

    [TearDown]
    public async Task TearDown() => await _storage.DisposeAsync();

    private async Task<TeamAlertInput> PaymentsAsync()
    {
        await using var db = _storage.CreateContext();
        var inputs = await new AlertInputQueries(db).TeamInputsAsync(Now, TimeZoneInfo.Utc, _ => new AlertThresholds(), CancellationToken.None);
        return inputs.Single(i => i.TeamName == "Payments");
    }

    [Test]
    public async Task TeamInputs_WindowCounts_CountTheWeeksCoveringEachWindow()
    {
        var input = await PaymentsAsync();

        var dev = input.People.Single(p => p.PersonSourceId == "dev");
        Assert.Multiple(() =>
        {
            Assert.That(dev.OwnerWindow, Is.EqualTo(new ClassCounts(0, 0, 2, 0)));
            Assert.That(dev.StrategyWindow, Is.EqualTo(new ClassCounts(0, 0, 3, 0)));
            Assert.That(input.FirstActivityAt, Is.EqualTo(Now.AddDays(-200)));
        });
    }

    [Test]
    public async Task TeamInputs_LastInstants_AreExactAndBotsAreMarked()
    {
        var input = await PaymentsAsync();

        var olga = input.People.Single(p => p.PersonSourceId == "olga");
        Assert.Multiple(() =>
        {
            Assert.That(olga.LastTacticalAt, Is.EqualTo(Now.AddDays(-40)));
            Assert.That(olga.LastStrategicAt, Is.EqualTo(Now.AddDays(-100)));
            Assert.That(input.People.Single(p => p.PersonSourceId == "bot").IsBot, Is.True);
            Assert.That(input.DesignatedOwner, Is.EqualTo(new TeamOwner("olga", "Olga Owner", false)));
        });
    }

    [Test]
    public async Task TeamInputs_LastOwnerDecision_IsTheLatestHumanOneInWords()
    {
        var input = await PaymentsAsync();

        Assert.That(input.LastOwnerDecision, Is.EqualTo(new LastActivity("Olga Owner", "changed Rank", "PAY-S1", "Story S1", Now.AddDays(-40))));
    }

    [Test]
    public async Task TeamInputs_CompletedStories_CountThoseUnderARecentlyStrategicAncestor()
    {
        var input = await PaymentsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(input.CompletedStories, Is.EqualTo(8));
            Assert.That(input.CompletedStoriesRollingUp, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task TeamInputs_TeamWithoutActivities_HasNoHistory()
    {
        await using var db = _storage.CreateContext();
        var inputs = await new AlertInputQueries(db).TeamInputsAsync(Now, TimeZoneInfo.Utc, _ => new AlertThresholds(), CancellationToken.None);

        var mobile = inputs.Single(i => i.TeamName == "Mobile");
        Assert.Multiple(() =>
        {
            Assert.That(mobile.FirstActivityAt, Is.Null);
            Assert.That(mobile.People, Is.Empty);
        });
    }

    private WorkItem Item(string id, int level, StatusCategory category, string? parent, string team, DateTimeOffset? updated = null) => new()
    {
        ConnectionId = _storage.ConnectionId,
        SourceId = id,
        Key = $"PAY-{id}",
        Type = level == 0 ? "Story" : "Epic",
        HierarchyLevel = level,
        Title = level == 0 ? $"Story {id}" : $"Epic {id}",
        Status = category == StatusCategory.Done ? "Done" : "In Progress",
        StatusCategory = category,
        TeamSourceId = team,
        ParentSourceId = parent,
        CreatedAt = Now.AddDays(-300),
        UpdatedAt = updated ?? Now.AddDays(-1),
    };

    private Activity Activity(string actor, string item, ActivityClass activityClass, DateTimeOffset at, ActivityKind kind = ActivityKind.Commented, string? field = null) => new()
    {
        ConnectionId = _storage.ConnectionId,
        SourceKey = $"k{++_next}",
        WorkItemSourceId = item,
        ActorSourceId = actor,
        OccurredAt = at,
        Kind = kind,
        SourceField = field,
        TeamSourceId = "1",
        Week = IsoWeek.FromInstant(at, TimeZoneInfo.Utc),
        Classification = new Classification { Class = activityClass, Confidence = 0.8, RuleId = "test" },
    };

    private async Task AddAsync(params Activity[] activities)
    {
        await using var db = _storage.CreateContext();
        db.Activities.AddRange(activities);
        await db.SaveChangesAsync();
        await new ActivityCountRefresher(db).RefreshAsync(ActivityCountRefresher.TouchedBy(activities), CancellationToken.None);
    }
}
