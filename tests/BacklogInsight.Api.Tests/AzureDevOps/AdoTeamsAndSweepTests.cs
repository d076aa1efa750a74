using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.AzureDevOps;

/// <summary>
/// Teams from a configured mapping instead of the organisation's teams, and the deletion sweep: work items gone from
/// Azure DevOps are marked deleted from a WIQL id listing.
/// </summary>
[TestFixture]
public sealed class AdoTeamsAndSweepTests
{
    [Test]
    public async Task Sync_WithATeamMap_AttributesItemsByProjectAreaAndType()
    {
        await using var fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(new FakeAdoOptions { Items = 80 }));
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path, AdoSyncHarness.HostSettings());
        using var client = factory.CreateClient();
        object[] map =
        [
            new { team = "Phoenix bugs", project = "Phoenix", types = new[] { "Bug" } },
            new { team = "Phoenix checkout", project = "Phoenix", areaPaths = new[] { "Phoenix\\Checkout" } },
            new { team = "Atlas", areaPaths = new[] { "Atlas" } },
        ];
        var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake, name: "mapped", teamMap: map);

        Assert.That(await AdoSyncHarness.SyncAsync(factory, client, connection), Is.Null);

        var teams = (await ApiJson.ReadAllPagesAsync(client, "/api/teams")).Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.That(teams, Is.EquivalentTo(new[] { "Phoenix bugs", "Phoenix checkout", "Atlas" }));
        var organisation = fake.Organisation;
        foreach (var index in Enumerable.Range(0, 80))
        {
            var item = organisation.Item(index);
            var expected = item.Project == "Phoenix" && (string)item.Fields["System.WorkItemType"] == "Bug" ? "map:Phoenix bugs"
                : item.Project == "Phoenix" && ((string)item.Fields["System.AreaPath"]).StartsWith("Phoenix\\Checkout", StringComparison.Ordinal) ? "map:Phoenix checkout"
                : item.Project == "Atlas" ? "map:Atlas"
                : null;
            var stored = await AdoSyncHarness.StoredAsync(data.Path, $"SELECT COALESCE(TeamSourceId, '-') FROM WorkItems WHERE SourceId = '{item.Id}'");
            Assert.That(stored.Single(), Is.EqualTo(expected ?? "-"), $"item {item.Id} in {item.Fields["System.AreaPath"]}");
        }
    }

    [Test]
    public async Task Sweep_ItemsDeletedInAzureDevOps_AreMarkedDeletedFromOneIdListingPerProject()
    {
        await using var fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(new FakeAdoOptions { Items = 50 }));
        using var data = new TempDirectory();
        await using var factory = new BacklogApiFactory(data.Path, AdoSyncHarness.HostSettings());
        using var client = factory.CreateClient();
        var connection = await AdoSyncHarness.CreateConnectionAsync(client, fake, projects: ["Phoenix", "Atlas", "Mercury", "Orion"]);
        Assert.That(await AdoSyncHarness.SyncAsync(factory, client, connection), Is.Null);

        fake.Organisation.Delete(9);
        fake.Organisation.Delete(30);
        fake.ResetCounts();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SweepDeletedItemsJob>().RunAsync(connection, CancellationToken.None);
        }

        var deleted = await AdoSyncHarness.StoredAsync(data.Path, "SELECT SourceId FROM WorkItems WHERE DeletedAt IS NOT NULL");
        Assert.That(deleted, Is.EquivalentTo(new[] { "10", "31" }));
        Assert.That(fake.CountOf(FakeAdoServer.Wiql), Is.EqualTo(4), "one id listing per followed project");
        Assert.That(fake.CountOf(FakeAdoServer.Batch) + fake.CountOf(FakeAdoServer.Updates), Is.Zero, "ids only");
    }
}
