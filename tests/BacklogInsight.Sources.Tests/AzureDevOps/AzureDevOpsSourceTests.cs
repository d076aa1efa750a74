using System.Text;
using BacklogInsight.Domain.Model;
using BacklogInsight.Sources.AzureDevOps;
using BacklogInsight.Sources.Tests.Jira;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

public sealed class AzureDevOpsSourceTests : AzureDevOpsFixtureBase
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 17, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, WorkItemChange> ById(IEnumerable<ChangePage> pages) =>
        pages.SelectMany(p => p.Changes).ToDictionary(c => c.Item.SourceId);

    private void AddTasks(int first, int count, Func<int, DateTimeOffset> changed)
    {
        for (var i = 0; i < count; i++)
        {
            Ado.Put(AzureDevOpsFake.NewItem(first + i, changed(i)));
        }
    }

    [Test]
    public async Task ReadChangesAsync_FirstRun_QueriesWiqlWithTimePrecisionAndReadsTheBatchWithPatAuth()
    {
        Ado.Site();

        var pages = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        var wiql = Ado.Requests("/_apis/wit/wiql").Single();
        var batch = Ado.Requests("/_apis/wit/workitemsbatch").Single();
        var query = AzureDevOpsFake.Body(wiql)["query"]!.GetValue<string>();
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(":" + FakeConnectionSecrets.Token));
        Assert.Multiple(() =>
        {
            Assert.That(wiql.RequestMessage.Path, Is.EqualTo("/contoso-eng/Phoenix/_apis/wit/wiql"));
            Assert.That(AzureDevOpsFake.Query(wiql, "api-version"), Is.EqualTo("7.1"));
            Assert.That(AzureDevOpsFake.Query(wiql, "timePrecision"), Is.EqualTo("true"));
            Assert.That(query, Is.EqualTo(
                "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project AND [System.ChangedDate] >= '2000-01-01T00:00:00.000Z' "
                + "ORDER BY [System.ChangedDate] ASC, [System.Id] ASC"));
            Assert.That(batch.RequestMessage.Path, Is.EqualTo("/contoso-eng/Phoenix/_apis/wit/workitemsbatch"));
            Assert.That(AzureDevOpsFake.Query(batch, "api-version"), Is.EqualTo("7.1"));
            Assert.That(AzureDevOpsFake.Body(batch)["errorPolicy"]!.GetValue<string>(), Is.EqualTo("omit"));
            Assert.That(AzureDevOpsFake.Body(batch)["$expand"]!.GetValue<string>(), Is.EqualTo("relations"));
            Assert.That(Server.LogEntries.Select(e => e.RequestMessage.Headers!["Authorization"].Single()), Is.All.EqualTo(expectedAuth));
            Assert.That(pages, Has.Count.EqualTo(1));
            Assert.That(pages[0].Changes.Select(c => c.Item.SourceId), Is.EqualTo(new[] { "4215", "4211" }), "oldest change first");
            // WIQL, batch, 2 × updates, 2 comment pages of 4211; teams, 2 × (team field values, iterations), backlog configuration.
            Assert.That(pages[0].Requests, Is.EqualTo(12));
        });
    }

    [Test]
    public async Task ReadChangesAsync_UserStory4211_MapsTheWorkItem()
    {
        Ado.Site();
        var connection = CreateConnection();

        var item = ById(await AzureDevOpsTestHost.ReadAllAsync(AzureDevOpsTestHost.Source(Services, connection)))["4211"].Item;

        Assert.Multiple(() =>
        {
            Assert.That(item.ConnectionId, Is.EqualTo(connection.Id));
            Assert.That(item.Key, Is.EqualTo("4211"));
            Assert.That(item.Type, Is.EqualTo("User Story"));
            Assert.That(item.HierarchyLevel, Is.Zero);
            Assert.That(item.Title, Is.EqualTo("Shopper can pay with a saved card"));
            Assert.That(item.Status, Is.EqualTo("Active"));
            Assert.That(item.StatusCategory, Is.EqualTo(StatusCategory.InProgress));
            Assert.That(item.TeamSourceId, Is.EqualTo(AzureDevOpsFake.CheckoutTeamId), "Phoenix\\Checkout is a longer match than Phoenix");
            Assert.That(item.SprintSourceId, Is.EqualTo("c8e0a2b4-6d1f-4a3c-9e5b-7f0d2c4e6a81"));
            Assert.That(item.AssigneeSourceId, Is.EqualTo("priya.raman@contoso.com"));
            Assert.That(item.ReporterSourceId, Is.EqualTo("tomas.okafor@contoso.com"));
            Assert.That(item.ParentSourceId, Is.EqualTo("4188"));
            Assert.That(item.Labels, Is.EqualTo(new[] { "checkout", "payments" }));
            Assert.That(item.CreatedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 3, 8, 14, 22, 517, TimeSpan.Zero)));
            Assert.That(item.UpdatedAt, Is.EqualTo(new DateTimeOffset(2025, 3, 12, 15, 40, 9, 300, TimeSpan.Zero)));
            Assert.That(item.Url, Is.EqualTo(Ado.BaseUrl + "/Phoenix/_workitems/edit/4211"));
        });
    }

    [Test]
    public async Task ReadChangesAsync_UserStory4211_TurnsUpdatesAndCommentsIntoActivities()
    {
        Ado.Site();

        var activities = ById(await AzureDevOpsTestHost.ReadAllAsync(CreateSource()))["4211"].Activities.ToDictionary(a => a.SourceKey);

        Assert.Multiple(() =>
        {
            Assert.That(activities.Keys, Is.EquivalentTo(new[]
            {
                "cr4211",
                "u4211-2-0", "u4211-2-1", "u4211-2-2", "u4211-2-3", "u4211-2-4",
                "u4211-3-0",
                "u4211-4-0", "u4211-4-1", "u4211-4-2",
                "u4211-5-0", "u4211-5-1", "u4211-5-2",
                "c4211-881204", "c4211-881377",
            }), "creation fields, bookkeeping, System.Reason and the History echo of comment 881204 are left out");
            Assert.That(activities["cr4211"].ActorSourceId, Is.EqualTo("tomas.okafor@contoso.com"));
            Assert.That(activities["u4211-2-0"].SourceField, Is.EqualTo("System.AreaPath"));
            Assert.That(activities["u4211-2-1"].Field, Is.EqualTo(CanonicalField.Sprint));
            Assert.That(activities["u4211-2-2"].Field, Is.EqualTo(CanonicalField.Estimate));
            Assert.That(activities["u4211-3-0"].Kind, Is.EqualTo(ActivityKind.Linked));
            Assert.That(activities["u4211-3-0"].Field, Is.EqualTo(CanonicalField.Parent));
            Assert.That(activities["u4211-3-0"].To, Is.EqualTo("4188"));
            Assert.That(activities["u4211-3-0"].OccurredAt, Is.EqualTo(new DateTimeOffset(2025, 3, 6, 9, 12, 55, 70, TimeSpan.Zero)), "relation-only: revisedDate");
            Assert.That(activities["u4211-4-0"].Kind, Is.EqualTo(ActivityKind.Transitioned));
            Assert.That(activities["u4211-4-0"].From, Is.EqualTo("New"));
            Assert.That(activities["u4211-4-0"].To, Is.EqualTo("Active"));
            Assert.That(activities["u4211-4-0"].ActorSourceId, Is.EqualTo("priya.raman@contoso.com"));
            Assert.That(activities["u4211-4-0"].OccurredAt, Is.EqualTo(new DateTimeOffset(2025, 3, 10, 10, 2, 45, 610, TimeSpan.Zero)));
            Assert.That(activities["u4211-4-1"].Field, Is.EqualTo(CanonicalField.Assignee));
            Assert.That(activities["u4211-4-1"].To, Is.EqualTo("priya.raman@contoso.com"));
            Assert.That(activities["u4211-4-2"].Kind, Is.EqualTo(ActivityKind.Linked));
            Assert.That(activities["u4211-4-2"].Field, Is.EqualTo(CanonicalField.Link));
            Assert.That(activities["u4211-5-0"].Field, Is.EqualTo(CanonicalField.Labels));
            Assert.That(activities["u4211-5-1"].Field, Is.EqualTo(CanonicalField.AcceptanceCriteria));
            Assert.That(activities["u4211-5-1"].To, Does.StartWith("Saved cards are listed"), "HTML values are stored as plain text");
            Assert.That(activities["u4211-5-1"].Text, Is.EqualTo(
                "Saved cards are listed with brand and last four digits\nExpired cards are not offered\nCVV is asked again for every payment"));
            Assert.That(activities["c4211-881204"].Kind, Is.EqualTo(ActivityKind.Commented));
            Assert.That(activities["c4211-881204"].Text, Is.EqualTo("Waiting on the vault team for the list endpoint."));
            Assert.That(activities["c4211-881377"].Text, Is.EqualTo(
                "@Tomas Okafor the vault list endpoint is live in staging & ready for review.\npagination\nbrand filter"));
            Assert.That(activities.Values.Select(a => a.OccurredAt.Offset), Is.All.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task ReadChangesAsync_CommentsOverTwoPages_FollowsTheContinuationTokenWithThePreviewApiVersion()
    {
        Ado.Site();

        await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        var comments = Ado.Requests("/_apis/wit/workItems/4211/comments");
        Assert.Multiple(() =>
        {
            Assert.That(comments, Has.Count.EqualTo(2));
            Assert.That(comments.Select(c => AzureDevOpsFake.Query(c, "api-version")), Is.All.EqualTo("7.1-preview.4"));
            Assert.That(comments[0].RequestMessage.Query!.ContainsKey("continuationToken"), Is.False);
            Assert.That(AzureDevOpsFake.Query(comments[1], "continuationToken"), Is.EqualTo(AzureDevOpsFake.CommentsToken));
            Assert.That(Ado.Requests("/_apis/wit/workItems/4215/comments"), Is.Empty, "4215 has no comments (System.CommentCount 0)");
        });
    }

    [Test]
    public async Task ReadChangesAsync_CommentsTokenInTheHeaderOnly_IsFollowedToo()
    {
        Ado.Site();
        Ado.CommentsWithHeaderToken();

        var changes = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        var comments = Ado.Requests("/_apis/wit/workItems/4211/comments");
        Assert.Multiple(() =>
        {
            Assert.That(comments, Has.Count.EqualTo(2));
            Assert.That(AzureDevOpsFake.Query(comments[1], "continuationToken"), Is.EqualTo(AzureDevOpsFake.CommentsToken));
            Assert.That(changes.SelectMany(p => p.Changes).SelectMany(c => c.Activities).Select(a => a.SourceKey), Does.Contain("c4211-881377"), "the second page's comment");
        });
    }

    [Test]
    public async Task ReadChangesAsync_UpdatesLongerThanAPage_PagesWithTopAndSkip()
    {
        Ado.Site();
        using var services = AzureDevOpsTestHost.Services(o => o.UpdatesPageSize = 2);

        await AzureDevOpsTestHost.ReadAllAsync(AzureDevOpsTestHost.Source(services, CreateConnection()));

        var updates = Ado.Requests("/_apis/wit/workItems/4211/updates");
        Assert.Multiple(() =>
        {
            Assert.That(updates.Select(u => AzureDevOpsFake.Query(u, "$skip")), Is.EqualTo(new[] { "0", "2", "4" }));
            Assert.That(updates.Select(u => AzureDevOpsFake.Query(u, "$top")), Is.All.EqualTo("2"));
            Assert.That(updates.Select(u => AzureDevOpsFake.Query(u, "api-version")), Is.All.EqualTo("7.1"));
        });
    }

    [Test]
    public async Task ReadChangesAsync_MoreThan200Ids_ReadsBatchesOf200AndCheckpointsEachPage()
    {
        Ado.Site();
        AddTasks(5000, 250, i => Monday.AddMinutes(i));

        var pages = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        var batches = Ado.Requests("/_apis/wit/workitemsbatch");
        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => AzureDevOpsFake.Body(b)["ids"]!.AsArray().Count), Is.EqualTo(new[] { 200, 52 }));
            Assert.That(pages, Has.Count.EqualTo(2));
            Assert.That(pages.Sum(p => p.Changes.Count), Is.EqualTo(252));
            Assert.That(pages[0].Checkpoint, Is.Not.EqualTo(pages[1].Checkpoint));
            Assert.That(pages.Sum(p => p.Requests), Is.EqualTo(Server.LogEntries.Count()));
        });
    }

    [Test]
    public async Task ReadChangesAsync_IdDeletedAfterTheQuery_IsOmittedWithoutFurtherRequests()
    {
        Ado.Site();
        Ado.Put(AzureDevOpsFake.NewItem(4302, Monday));
        Ado.DeletedAfterQuery.Add(4302);

        var pages = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        Assert.Multiple(() =>
        {
            Assert.That(AzureDevOpsFake.Body(Ado.Requests("/_apis/wit/workitemsbatch").Single())["ids"]!.AsArray().Select(i => i!.GetValue<int>()), Does.Contain(4302));
            Assert.That(pages.SelectMany(p => p.Changes).Select(c => c.Item.SourceId), Is.EqualTo(new[] { "4215", "4211" }), "oldest change first");
            Assert.That(Ado.Requests("/workItems/4302/"), Is.Empty);
        });
    }

    [Test]
    public async Task ReadChangesAsync_QueryOverTheCap_SplitsTheWindowAndReadsEveryItemOnce()
    {
        Ado.Site();
        Ado.Cap = 100;
        AddTasks(6000, 250, i => Monday.AddHours(-i));

        var pages = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        var queries = Ado.Requests("/_apis/wit/wiql").Select(w => AzureDevOpsFake.Body(w)["query"]!.GetValue<string>()).ToList();
        var ids = pages.SelectMany(p => p.Changes).Select(c => c.Item.SourceId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Has.Count.EqualTo(252));
            Assert.That(queries.Count, Is.GreaterThan(3));
            Assert.That(queries.Skip(1).First(), Does.Contain("[System.ChangedDate] < '"), "the window is halved after VS402337");
        });
    }

    [Test]
    public async Task ReadChangesAsync_NothingChangedSinceTheCheckpoint_CostsOneWiqlQueryPerProject()
    {
        Ado.Site();
        const string settings = """{"deployment":"services","projects":["Phoenix","Atlas"]}""";
        var first = await AzureDevOpsTestHost.ReadAllAsync(CreateSource(settings));
        Server.ResetLogEntries();

        var second = await AzureDevOpsTestHost.ReadAllAsync(CreateSource(settings), first[^1].Checkpoint);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Empty);
            Assert.That(Server.LogEntries.Select(e => e.RequestMessage.Path), Is.EquivalentTo(new[]
            {
                "/contoso-eng/Phoenix/_apis/wit/wiql", "/contoso-eng/Atlas/_apis/wit/wiql",
            }));
            Assert.That(AzureDevOpsFake.Body(Ado.Requests("/Phoenix/_apis/wit/wiql")[0])["query"]!.GetValue<string>(), Does.Contain(
                "[System.ChangedDate] >= '2025-03-12T15:40:09.300Z' AND ([System.Id] NOT IN (4211) OR [System.ChangedDate] > '2025-03-12T15:40:09.300Z')"));
        });
    }

    [Test]
    public async Task ReadChangesAsync_FromACheckpoint_ReadsOnlyItemsChangedSince()
    {
        Ado.Site();
        var first = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());
        Ado.Touch(4215, Monday);
        Server.ResetLogEntries();

        var second = await AzureDevOpsTestHost.ReadAllAsync(CreateSource(), first[^1].Checkpoint);

        Assert.Multiple(() =>
        {
            Assert.That(second.SelectMany(p => p.Changes).Select(c => c.Item.SourceId), Is.EqualTo(new[] { "4215" }));
            Assert.That(second[^1].Checkpoint.Value, Does.Contain("\"changed\":\"2025-03-17T09:00:00+00:00\"").And.Contain("\"ids\":[4215]"));
        });
    }

    [Test]
    public async Task ReadChangesAsync_StoppedAfterTheFirstPage_ResumesWithoutGapOrRepeat()
    {
        Ado.Site();
        AddTasks(7000, 300, _ => Monday);
        var firstRun = new List<ChangePage>();
        await foreach (var page in CreateSource().ReadChangesAsync(null, CancellationToken.None))
        {
            firstRun.Add(page);
            break;
        }

        var resumed = await AzureDevOpsTestHost.ReadAllAsync(CreateSource(), firstRun[0].Checkpoint);

        var ids = firstRun.Concat(resumed).SelectMany(p => p.Changes).Select(c => c.Item.SourceId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique, "the 200 items stored at the instant of the mark are not read again");
            Assert.That(ids, Has.Count.EqualTo(302));
        });
    }

    [Test]
    public async Task ReadChangesAsync_ReadTwice_GivesTheSameSourceKeys()
    {
        Ado.Site();

        var first = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());
        var second = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        Assert.That(
            second.SelectMany(p => p.Changes).SelectMany(c => c.Activities).Select(a => a.SourceKey),
            Is.EqualTo(first.SelectMany(p => p.Changes).SelectMany(c => c.Activities).Select(a => a.SourceKey)));
    }

    [Test]
    public void ReadChangesAsync_CheckpointOfAnotherSource_FailsAtTheCall()
    {
        Assert.Throws<FormatException>(() => CreateSource().ReadChangesAsync(new SyncCheckpoint("""{"v":1,"updated":"2024-01-01T00:00:00Z"}"""), CancellationToken.None));
    }

    [Test]
    public async Task ReadChangesAsync_ServerCollectionUrl_UsesTheCollectionPathAndTheServerApiVersions()
    {
        Ado.Prefix = "/tfs/DefaultCollection";
        Ado.Site();
        var connection = AzureDevOpsTestHost.Connection(Ado.BaseUrl, """{"deployment":"server","project":"Phoenix"}""");

        var pages = await AzureDevOpsTestHost.ReadAllAsync(AzureDevOpsTestHost.Source(Services, connection));

        var wiql = Ado.Requests("/_apis/wit/wiql").Single();
        Assert.Multiple(() =>
        {
            Assert.That(pages.SelectMany(p => p.Changes).Count(), Is.EqualTo(2));
            Assert.That(wiql.RequestMessage.Path, Is.EqualTo("/tfs/DefaultCollection/Phoenix/_apis/wit/wiql"));
            Assert.That(AzureDevOpsFake.Query(wiql, "api-version"), Is.EqualTo("6.0"));
            Assert.That(Ado.Requests("/comments").Select(c => AzureDevOpsFake.Query(c, "api-version")), Is.All.EqualTo("6.0-preview.3"));
            Assert.That(ById(pages)["4211"].Item.Url, Is.EqualTo(Ado.BaseUrl + "/Phoenix/_workitems/edit/4211"));
        });
    }

    [Test]
    public async Task ReadChangesAsync_ApiVersionOverride_IsSentOnEveryRequest()
    {
        Ado.Site();

        await AzureDevOpsTestHost.ReadAllAsync(CreateSource("""{"projects":["Phoenix"],"apiVersion":"7.0"}"""));

        Assert.Multiple(() =>
        {
            Assert.That(
                Server.LogEntries.Where(e => !e.RequestMessage.Path.EndsWith("/comments", StringComparison.Ordinal)).Select(e => AzureDevOpsFake.Query(e, "api-version")),
                Is.All.EqualTo("7.0"));
            Assert.That(Ado.Requests("/comments").Select(c => AzureDevOpsFake.Query(c, "api-version")), Is.All.EqualTo("7.0-preview.3"));
        });
    }

    [Test]
    public async Task ReadChangesAsync_NoProjectFollowed_QueriesTheWholeOrganisationOnce()
    {
        Ado.Site();

        var pages = await AzureDevOpsTestHost.ReadAllAsync(CreateSource("{}"));

        var wiql = Ado.Requests("/_apis/wit/wiql").Single();
        Assert.Multiple(() =>
        {
            Assert.That(wiql.RequestMessage.Path, Is.EqualTo("/contoso-eng/_apis/wit/wiql"));
            Assert.That(AzureDevOpsFake.Body(wiql)["query"]!.GetValue<string>(), Does.Not.Contain("@project"));
            Assert.That(ById(pages)["4211"].Item.TeamSourceId, Is.EqualTo(AzureDevOpsFake.CheckoutTeamId), "the item's System.TeamProject gives the teams");
            Assert.That(pages[^1].Checkpoint.Value, Does.Contain("\"*\""));
        });
    }

    [Test]
    public async Task ReadChangesAsync_ServerWithoutTheCommentsApi_TakesCommentsFromSystemHistory()
    {
        Ado.Site();

        var pages = await AzureDevOpsTestHost.ReadAllAsync(CreateSource("""{"deployment":"server","projects":["Phoenix"],"apiVersion":"5.0"}"""));

        var comment = ById(pages)["4211"].Activities.Single(a => a.Kind == ActivityKind.Commented);
        Assert.Multiple(() =>
        {
            Assert.That(Ado.Requests("/comments"), Is.Empty);
            Assert.That(comment.SourceKey, Is.EqualTo("u4211-5-0"));
            Assert.That(comment.Text, Is.EqualTo("Waiting on the vault team for the list endpoint."));
            Assert.That(comment.ActorSourceId, Is.EqualTo("priya.raman@contoso.com"));
        });
    }
}
