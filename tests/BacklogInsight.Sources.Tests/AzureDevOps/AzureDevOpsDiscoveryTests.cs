using BacklogInsight.Sources.AzureDevOps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

public sealed class AzureDevOpsDiscoveryTests : AzureDevOpsFixtureBase
{
    private static readonly DateTimeOffset SprintFourteenWednesday = new(2025, 3, 12, 12, 0, 0, TimeSpan.Zero);

    private IBacklogSource CreateSut(ServiceProvider services, string settings = AzureDevOpsTestHost.Settings) =>
        AzureDevOpsTestHost.Source(services, CreateConnection(settings));

    [Test]
    public async Task DiscoverAsync_Phoenix_ListsTeamsWithAdminOwnersSprintsByDateAndPeople()
    {
        Ado.Discovery();
        using var services = AzureDevOpsTestHost.Services(timeProvider: new FakeTimeProvider(SprintFourteenWednesday));

        var catalogue = await CreateSut(services).DiscoverAsync(CancellationToken.None);

        var sprints = catalogue.Sprints.ToDictionary(s => s.Name);
        var people = catalogue.People.ToDictionary(p => p.SourceId);
        Assert.Multiple(() =>
        {
            Assert.That(catalogue.Teams.Select(t => (t.SourceId, t.Name)), Is.EqualTo(new[]
            {
                (AzureDevOpsFake.PhoenixTeamId, "Phoenix Team"), (AzureDevOpsFake.CheckoutTeamId, "Checkout Squad"),
            }));
            Assert.That(catalogue.Teams.Select(t => t.OwnerSourceId), Is.All.EqualTo("priya.raman@contoso.com"));
            Assert.That(sprints["Sprint 13"].State, Is.EqualTo("closed"));
            Assert.That(sprints["Sprint 14"].State, Is.EqualTo("active"));
            Assert.That(sprints["Sprint 14"].SourceId, Is.EqualTo("c8e0a2b4-6d1f-4a3c-9e5b-7f0d2c4e6a81"));
            Assert.That(sprints["Sprint 14"].StartsAt, Is.EqualTo(new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(sprints["Sprint 14"].EndsAt, Is.EqualTo(new DateTimeOffset(2025, 3, 21, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(sprints["Sprint 15"].State, Is.EqualTo("future"));
            Assert.That(sprints["Sprint 15"].StartsAt, Is.Null);
            Assert.That(catalogue.Sprints, Has.Count.EqualTo(3), "iterations shared by two teams are listed once");
            Assert.That(people["priya.raman@contoso.com"].IsBot, Is.False);
            Assert.That(people["Build\\6b2f8d41-0a3e-4c5b-9d7f-1e2a3b4c5d6e"].IsBot, Is.True);
            Assert.That(people["Build\\6b2f8d41-0a3e-4c5b-9d7f-1e2a3b4c5d6e"].DisplayName, Is.EqualTo("Project Collection Build Service (contoso-eng)"));
            Assert.That(catalogue.Requests, Is.EqualTo(9), "projects, teams, then iterations, areas and members per team, and the backlog configuration (reused by the read that follows)");
            Assert.That(Ado.Requests("/teams").Select(r => AzureDevOpsFake.Query(r, "$skip")), Has.Member("0"));
        });
    }

    [Test]
    public async Task DiscoverAsync_TeamsFilter_KeepsOnlyTheFollowedTeams()
    {
        Ado.Discovery();

        var catalogue = await CreateSut(Services, """{"projects":["Phoenix"],"teams":["checkout squad"]}""").DiscoverAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(catalogue.Teams.Select(t => t.Name), Is.EqualTo(new[] { "Checkout Squad" }));
            Assert.That(catalogue.Sprints.Select(s => s.TeamSourceId), Is.All.EqualTo(AzureDevOpsFake.CheckoutTeamId));
        });
    }

    [Test]
    public void DiscoverAsync_UnknownProject_SaysWhichProjectIsMissing()
    {
        Ado.Discovery();

        var error = Assert.ThrowsAsync<AzureDevOpsSourceException>(() => CreateSut(Services, """{"projects":["Phoenx"]}""").DiscoverAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("no project named 'Phoenx'").And.Contain("\"projects\" setting"));
    }
}
