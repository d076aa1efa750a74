using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.AzureDevOps;

/// <summary>
/// Azure DevOps Server: a collection URL (<c>https://host/tfs/{collection}</c>), api-version 6.0 and the comments
/// API at <c>6.0-preview.3</c>; the connection's settings choose them, and a full sync stores what the collection holds.
/// </summary>
[TestFixture]
public sealed class AdoServerTests
{
    [Test]
    public async Task Sync_ServerCollectionAt60_StoresExactlyTheCollectionsItemsAndComments()
    {
        await using var fake = await FakeAdoServer.StartAsync(
            new FakeAdoOrganisation(new FakeAdoOptions { Items = 60, ServerVersion = "6.0", ManyCommentsShare = 0.05 }), "/tfs/DefaultCollection");
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path, AdoSyncHarness.HostSettings());
        using var client = factory.CreateClient();
        var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake, name: "tfs", projects: ["Phoenix", "Atlas", "Mercury", "Orion"], deployment: "server");

        var failure = await AdoSyncHarness.SyncAsync(factory, client, connection);

        Assert.That(failure, Is.Null);
        Assert.That(fake.BaseUrl.AbsolutePath, Is.EqualTo("/tfs/DefaultCollection/"));
        var stored = await AdoSyncHarness.StoredAsync(data.Path, "SELECT SourceKey FROM Activities");
        Assert.That(AdoSyncHarness.Fingerprint(stored), Is.EqualTo(AdoSyncHarness.Fingerprint(fake.Organisation.ExpectedActivityKeys())));
        Assert.That(fake.CountOf(FakeAdoServer.Comments), Is.GreaterThan(0), "comments came from the 6.0-preview.3 comments API");
    }

    [Test]
    public async Task Sync_ServerWithPinnedApiVersion_SendsThatVersion()
    {
        await using var fake = await FakeAdoServer.StartAsync(
            new FakeAdoOrganisation(new FakeAdoOptions { Items = 20, ServerVersion = "7.0" }), "/tfs/DefaultCollection");
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path, AdoSyncHarness.HostSettings());
        using var client = factory.CreateClient();
        var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake, name: "tfs-70", deployment: "server", apiVersion: "7.0");

        var failure = await AdoSyncHarness.SyncAsync(factory, client, connection);

        Assert.That(failure, Is.Null);
        Assert.That(await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT COUNT(*) FROM WorkItems"), Is.EqualTo(20));
    }
}
