using BacklogInsight.Storage.Writing;

namespace BacklogInsight.Storage.Tests.Writing;

[TestFixture]
public sealed class SyncLeaseTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);
    private StorageFixture _storage = null!;

    [SetUp]
    public async Task SetUp() => _storage = await StorageFixture.CreateAsync();

    [TearDown]
    public async Task TearDown() => await _storage.DisposeAsync();

    [Test]
    public async Task TryAcquire_WhileAnotherHoldsIt_Fails()
    {
        Assert.That(await AcquireAsync("a"), Is.True);

        Assert.That(await AcquireAsync("b"), Is.False);
    }

    [Test]
    public async Task TryAcquire_AfterTheHolderDiedAndTheLeaseRanOut_Succeeds()
    {
        await AcquireAsync("a");

        _storage.Time.Advance(Duration + TimeSpan.FromSeconds(1));

        Assert.That(await AcquireAsync("b"), Is.True);
    }

    [Test]
    public async Task TryAcquire_AfterRelease_Succeeds()
    {
        await AcquireAsync("a");
        await using (var db = _storage.CreateContext())
        {
            await new SyncLease(db, _storage.Time).ReleaseAsync(_storage.ConnectionId, "a", CancellationToken.None);
        }

        Assert.That(await AcquireAsync("b"), Is.True);
    }

    [Test]
    public async Task Release_ByANonHolder_LeavesTheLeaseInPlace()
    {
        await AcquireAsync("a");
        await using (var db = _storage.CreateContext())
        {
            await new SyncLease(db, _storage.Time).ReleaseAsync(_storage.ConnectionId, "b", CancellationToken.None);
        }

        Assert.That(await AcquireAsync("c"), Is.False);
    }

    [Test]
    public async Task TryAcquire_ByManyProcessesAtOnce_OnlyOneWins()
    {
        Assume.That(_storage.IsPostgres, Is.True, "needs concurrent connections: runs on PostgreSQL (BACKLOG_TEST_POSTGRES)");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => AcquireAsync($"worker-{i}"))));

        Assert.That(attempts.Count(won => won), Is.EqualTo(1));
    }

    private async Task<bool> AcquireAsync(string holder)
    {
        await using var db = _storage.CreateContext();
        return await new SyncLease(db, _storage.Time).TryAcquireAsync(_storage.ConnectionId, holder, Duration, CancellationToken.None);
    }
}
