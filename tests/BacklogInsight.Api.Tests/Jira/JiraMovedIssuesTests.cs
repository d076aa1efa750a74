using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>
/// Issues edited while the search is paged move to the end of the <c>updated</c> order; a cursor that counts positions
/// then steps over the issue that slid into the gap. The sync must still store every issue of the site.
/// </summary>
[TestFixture]
public sealed class JiraMovedIssuesTests
{
    private const int PageSize = 20;

    [Test]
    public async Task Sync_IssuesOfEarlierPagesEditedDuringTheCrawl_StoresEveryActivityOfTheSite()
    {
        using var data = new TempDirectory();
        var site = new FakeJiraSite(new FakeJiraSiteOptions { Issues = 100, MaxOrdinaryHistories = 4, LongHistoryShare = 0 });
        await using var fake = await FakeJiraServer.StartAsync(site);
        var edited = 0;
        fake.AfterSearchPage = offset =>
        {
            // During the first pass, after pages 2 and 3, someone edits the first issue of page 1 (already read): every
            // later issue slides up one place, under the cursor.
            if (edited < 2 && offset is PageSize or 2 * PageSize)
            {
                site.Touch(site.ByUpdated()[0], new DateTimeOffset(2026, 11, 1, 12, edited++, 0, TimeSpan.Zero));
            }
        };
        await using var factory = new BacklogApiFactory(data.Path, new Dictionary<string, string?>
        {
            ["Sources:Jira:SearchPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = factory.CreateClient();
        var connection = await JiraSyncHarness.CreateConnectionAsync(client, fake);

        var failure = await JiraSyncHarness.SyncAsync(factory, client, connection);
        fake.AfterSearchPage = null;

        Assert.That(failure, Is.Null);
        Assert.That(edited, Is.EqualTo(2), "the site changed twice during the crawl");
        var stored = await JiraSyncHarness.StoredAsync(data.Path, "SELECT SourceKey FROM Activities");
        Assert.That(JiraSyncHarness.Fingerprint(stored), Is.EqualTo(JiraSyncHarness.Fingerprint(JiraSyncHarness.ExpectedActivityKeys(site))),
            $"{JiraSyncHarness.ExpectedActivityKeys(site).Except(stored).Count()} activities of the site were not stored");
        Assert.That(await DatabaseSnapshot.ScalarAsync(data.Path, "SELECT COUNT(*) FROM WorkItems"), Is.EqualTo(site.Count));
        var checkpoint = (await JiraSyncHarness.StoredAsync(data.Path, "SELECT Checkpoint FROM SyncStates")).Single();
        Assert.That(checkpoint, Does.Not.Contain("rescan"), "a pass that saw no issue move ends the rescan");
    }
}
