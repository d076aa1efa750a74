using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.Sample;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BacklogInsight.Sources.Tests.Sample;

public sealed class SampleSourceTests
{
    private const string GoldenSettings = """{"seed": 42, "now": "2026-11-23T09:00:00Z"}""";

    private static SampleSource CreateSut(int pageSize = 500, TimeSpan pageDelay = default, TimeProvider? timeProvider = null) =>
        new(
            new Connection { Id = Guid.NewGuid(), Name = "demo", Kind = SourceKinds.Sample, SettingsJson = GoldenSettings },
            SampleSettings.Parse(GoldenSettings),
            new SampleSourceOptions { PageSize = pageSize, PageDelay = pageDelay },
            timeProvider ?? TimeProvider.System);

    private static async Task<List<ChangePage>> ReadAllAsync(SampleSource sut, SyncCheckpoint? since)
    {
        var pages = new List<ChangePage>();
        await foreach (var page in sut.ReadChangesAsync(since, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    private static List<string> Keys(IEnumerable<ChangePage> pages) =>
        [.. pages.SelectMany(p => p.Changes).SelectMany(c => c.Activities).Select(a => a.SourceKey)];

    [Test]
    public async Task ReadChangesAsync_FromStart_StreamsEveryActivityOnceInOrder()
    {
        var sut = CreateSut();

        var pages = await ReadAllAsync(sut, null);

        Assert.Multiple(() =>
        {
            Assert.That(Keys(pages), Is.EquivalentTo(sut.Organisation.Activities.Select(a => a.SourceKey)));
            Assert.That(Keys(pages), Is.Unique);
            Assert.That(pages.Take(pages.Count - 1).Select(p => p.Changes.Sum(c => c.Activities.Count)), Is.All.EqualTo(500));
            Assert.That(pages.Select(p => p.Requests), Is.All.Zero);
        });
    }

    [Test]
    public async Task ReadChangesAsync_Page_GroupsActivitiesPerItemWithTheItemAsItIsNow()
    {
        var sut = CreateSut();

        var page = (await ReadAllAsync(sut, null))[3];

        Assert.Multiple(() =>
        {
            Assert.That(page.Changes.Select(c => c.Item.SourceId), Is.Unique);
            Assert.That(page.Changes.Where(c => c.Activities.Any(a => a.WorkItemSourceId != c.Item.SourceId)), Is.Empty);
            Assert.That(page.Changes.Where(c => c.Item.UpdatedAt < c.Activities[^1].OccurredAt), Is.Empty);
        });
    }

    [Test]
    public async Task ReadChangesAsync_FromAMiddleCheckpoint_ContinuesWithoutGapOrDuplicate()
    {
        var sut = CreateSut(pageSize: 700);
        var full = await ReadAllAsync(sut, null);

        var tail = await ReadAllAsync(CreateSut(pageSize: 700), full[9].Checkpoint);

        Assert.That(Keys(full.Take(10)).Concat(Keys(tail)), Is.EqualTo(Keys(full)));
    }

    [Test]
    public async Task ReadChangesAsync_FromTheLastCheckpoint_YieldsNoPages()
    {
        var sut = CreateSut();
        var last = (await ReadAllAsync(sut, null))[^1].Checkpoint;

        var pages = await ReadAllAsync(sut, last);

        Assert.That(pages, Is.Empty);
    }

    [Test]
    public void ReadChangesAsync_MalformedCheckpoint_ThrowsFormatException()
    {
        var sut = CreateSut();

        Assert.Throws<FormatException>(() => sut.ReadChangesAsync(new SyncCheckpoint("page-7"), CancellationToken.None));
    }

    [Test]
    public void ReadChangesAsync_CancelledToken_Throws()
    {
        var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in sut.ReadChangesAsync(null, cancellation.Token))
            {
                Assert.Fail($"Got a page: {page.Checkpoint}");
            }
        });
    }

    [Test]
    public async Task ReadChangesAsync_WithPageDelay_WaitsForTheDelayBetweenPages()
    {
        var time = new FakeTimeProvider();
        var sut = CreateSut(pageDelay: TimeSpan.FromSeconds(5), timeProvider: time);
        await using var pages = sut.ReadChangesAsync(null, CancellationToken.None).GetAsyncEnumerator();
        var first = await pages.MoveNextAsync();

        var second = pages.MoveNextAsync().AsTask();
        var waitedBeforeAdvance = !second.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(4));
        var waitedAfterFourSeconds = !second.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Multiple(async () =>
        {
            Assert.That(first, Is.True);
            Assert.That(waitedBeforeAdvance, Is.True);
            Assert.That(waitedAfterFourSeconds, Is.True);
            Assert.That(await second, Is.True);
        });
    }

    [Test]
    public async Task DiscoverAsync_Golden_ReturnsTeamsPeopleAndSprints()
    {
        var sut = CreateSut();

        var catalogue = await sut.DiscoverAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(catalogue.Teams.Select(t => t.SourceId), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
            Assert.That(catalogue.People.Where(p => p.IsBot), Has.Exactly(1).Items);
            Assert.That(catalogue.People.Where(p => !p.IsActive), Has.Exactly(1).Items);
            Assert.That(catalogue.Teams.Select(t => t.OwnerSourceId), Is.All.Not.Null);
            Assert.That(catalogue.Sprints.Where(s => s.State == "active"), Has.Exactly(5).Items);
            Assert.That(catalogue.Sprints.Where(s => s.State == "future"), Has.Exactly(5).Items);
            Assert.That(catalogue.Sprints.Where(s => string.IsNullOrWhiteSpace(s.Goal)), Is.Empty);
            Assert.That(catalogue.Requests, Is.Zero);
        });
    }

    [Test]
    public void Parse_InvalidJson_ThrowsFormatExceptionNamingTheExpectedShape()
    {
        var act = () => SampleSettings.Parse("{seed: forty-two");

        Assert.That(act, Throws.TypeOf<FormatException>().With.Message.Contains("\"seed\""));
    }

    [Test]
    public void Parse_NoNow_AnchorsAtTheConnectionCreation()
    {
        var created = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(1));
        var connection = new Connection { Name = "demo", Kind = SourceKinds.Sample, CreatedAt = created };

        var settings = SampleSettings.Parse("""{"seed": 7}""");

        Assert.Multiple(() =>
        {
            Assert.That(settings.Seed, Is.EqualTo(7));
            Assert.That(settings.AnchorFor(connection), Is.EqualTo(created));
            Assert.That(settings.AnchorFor(connection).Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void AddBacklogSources_SampleConnection_CreatesASampleSourceWithBoundOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sources:Sample:PageSize"] = "123" })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddBacklogSources()
            .BuildServiceProvider();
        var factory = provider.GetRequiredService<IBacklogSourceFactory>();

        var source = factory.Create(new Connection { Name = "demo", Kind = SourceKinds.Sample, SettingsJson = GoldenSettings });

        Assert.Multiple(() =>
        {
            Assert.That(source, Is.TypeOf<SampleSource>());
            Assert.That(factory.Kinds, Does.Contain(SourceKinds.Sample));
            Assert.That(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SampleSourceOptions>>().Value.PageSize, Is.EqualTo(123));
        });
    }
}
