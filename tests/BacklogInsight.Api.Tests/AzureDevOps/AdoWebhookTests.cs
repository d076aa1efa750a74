using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BacklogInsight.Api.Tests.AzureDevOps.Fake;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Workers.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Api.Tests.AzureDevOps;

/// <summary>
/// Push ingestion: service-hook events as Microsoft documents them (<c>workitem.created</c> and <c>deleted</c> carry
/// the work item, <c>workitem.updated</c> an update with <c>workItemId</c> and <c>revision</c>), verified by the
/// subscription's Basic credentials, queue a refresh of the one item, which stores its new activities or reconciles
/// its deletion through the same writer as a sync.
/// </summary>
[TestFixture]
public sealed class AdoWebhookTests
{
    private const string User = "ado-hook";
    private const string Password = "s3cret-hook-password";
    private FakeAdoServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private Guid _connection;

    [OneTimeSetUp]
    public async Task SyncOnce()
    {
        _fake = await FakeAdoServer.StartAsync(new FakeAdoOrganisation(new FakeAdoOptions { Items = 30 }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path, AdoSyncHarness.HostSettings());
        _client = _factory.CreateClient();
        var created = await _client.PostAsJsonAsync("/api/connections", new
        {
            name = "hooked",
            kind = "azure-devops",
            baseUrl = _fake.BaseUrl.AbsoluteUri,
            settings = new { deployment = "services" },
            secrets = new Dictionary<string, string> { ["token"] = "fake-pat", ["webhook-user"] = User, ["webhook-password"] = Password },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        _connection = (await ApiJson.ReadAsync(created))["id"]!.GetValue<Guid>();
        Assert.That(await AdoSyncHarness.SyncAsync(_factory, _client, _connection), Is.Null);
    }

    [OneTimeTearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task Updated_WithTheSubscriptionsCredentials_QueuesARefreshThatStoresTheNewActivities()
    {
        _fake.Organisation.Touch(4, _fake.Organisation.LatestChange() + TimeSpan.FromMinutes(1));
        var before = await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM Activities WHERE WorkItemSourceId = '5'");

        var response = await PostAsync(Updated(workItemId: 5), User, Password);
        await RunQueuedRefreshesAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That((await ApiJson.ReadAsync(response))["issueId"]!.GetValue<string>(), Is.EqualTo("5"));
        var after = await AdoSyncHarness.StoredAsync(_data.Path, "SELECT SourceKey FROM Activities WHERE WorkItemSourceId = '5'");
        Assert.That(after, Has.Count.EqualTo(before + 2), "the new state change and the new comment");
        Assert.That(after, Is.EquivalentTo(_fake.Organisation.ExpectedActivityKeys().Where(k => k is "cr5" || k.StartsWith("u5-", StringComparison.Ordinal) || k.StartsWith("c5-", StringComparison.Ordinal))));
    }

    [Test]
    public async Task Updated_AsInMicrosoftsSampleWithWorkItemIdZero_TakesTheIdFromTheRevision()
    {
        var response = await PostAsync(Updated(workItemId: 0, revisionId: 9), User, Password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That((await ApiJson.ReadAsync(response))["issueId"]!.GetValue<string>(), Is.EqualTo("9"));
        await RunQueuedRefreshesAsync();
    }

    [Test]
    public async Task Created_QueuesARefreshOfTheItemInTheResource()
    {
        var response = await PostAsync(WorkItemEvent("workitem.created", 12), User, Password);
        await RunQueuedRefreshesAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That((await ApiJson.ReadAsync(response))["issueId"]!.GetValue<string>(), Is.EqualTo("12"));
        Assert.That(await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM WorkItems WHERE SourceId = '12' AND DeletedAt IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task Deleted_RefreshFindsTheItemGoneAndMarksItDeleted()
    {
        _fake.Organisation.Delete(6);

        var response = await PostAsync(WorkItemEvent("workitem.deleted", 7), User, Password);
        await RunQueuedRefreshesAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(await DatabaseSnapshot.ScalarAsync(_data.Path, "SELECT COUNT(*) FROM WorkItems WHERE SourceId = '7' AND DeletedAt IS NOT NULL"), Is.EqualTo(1));
    }

    [TestCase(User, "wrong")]
    [TestCase("someone-else", Password)]
    [TestCase(null, null)]
    public async Task AnyEvent_WithoutTheSubscriptionsCredentials_IsRefusedAndQueuesNothing(string? user, string? password)
    {
        var queued = Queued();

        var response = await PostAsync(Updated(workItemId: 5), user, password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(Queued(), Is.EqualTo(queued));
    }

    [Test]
    public async Task AnyEvent_ForAnUnknownConnection_IsNotFound()
    {
        var response = await PostAsync(Updated(workItemId: 5), User, Password, connection: Guid.NewGuid().ToString());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task SameDeliveryTwice_IsQueuedOnce()
    {
        var body = WorkItemEvent("workitem.created", 15).Replace("d2d46fb1-dba5-403c-9373-427583f19e8c", "11111111-2222-3333-4444-555555555555", StringComparison.Ordinal);

        var first = await PostAsync(body, User, Password);
        var second = await PostAsync(body, User, Password);
        await RunQueuedRefreshesAsync();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ApiJson.ReadAsync(second))["status"]!.GetValue<string>(), Is.EqualTo("duplicate"));
    }

    [Test]
    public async Task MalformedBody_IsABadRequestThatSaysWhatWasExpected()
    {
        var response = await PostAsync("{\"resource\": {}}", User, Password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("eventType"));
    }

    [Test]
    public async Task OtherEventType_IsAcknowledgedAndIgnored()
    {
        var queued = Queued();

        var response = await PostAsync("""{"eventType": "git.push", "resource": {"id": 3}}""", User, Password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Queued(), Is.EqualTo(queued));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? user, string? password, string? connection = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/azure-devops/{connection ?? _connection.ToString()}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return await _client.SendAsync(request);
    }

    private long Queued() => _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    /// <summary>Runs the refresh jobs the endpoint queued, as a worker would, and removes them from the queue.</summary>
    private async Task RunQueuedRefreshesAsync()
    {
        var monitoring = _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        foreach (var (id, job) in monitoring.EnqueuedJobs("default", 0, 100))
        {
            if (job.Job?.Type == typeof(RefreshWorkItemJob))
            {
                await using var scope = _factory.Services.CreateAsyncScope();
                var args = job.Job.Args;
                await scope.ServiceProvider.GetRequiredService<RefreshWorkItemJob>().RunAsync((Guid)args[0], (string)args[1], (bool)args[2], CancellationToken.None);
                _factory.Services.GetRequiredService<IBackgroundJobClient>().Delete(id);
            }
        }
    }

    /// <summary>A <c>workitem.updated</c> event shaped like Microsoft's documented sample (update + revision).</summary>
    private static string Updated(int workItemId, int? revisionId = null) => $$"""
        {
          "subscriptionId": "00000000-0000-0000-0000-000000000000",
          "notificationId": 4,
          "id": "{{Guid.NewGuid()}}",
          "eventType": "workitem.updated",
          "publisherId": "tfs",
          "message": { "text": "Bug #5 (Some great new idea!) updated by Jamal Hartnett.", "html": "...", "markdown": "..." },
          "resource": {
            "id": 2,
            "workItemId": {{workItemId}},
            "rev": 2,
            "revisedBy": null,
            "revisedDate": "0001-01-01T00:00:00",
            "fields": {
              "System.Rev": { "oldValue": "1", "newValue": "2" },
              "System.State": { "oldValue": "New", "newValue": "Approved" }
            },
            "_links": { "parent": { "href": "https://fabrikam-fiber-inc.visualstudio.com/DefaultCollection/_apis/wit/workItems/{{revisionId ?? workItemId}}" } },
            "url": "https://fabrikam-fiber-inc.visualstudio.com/DefaultCollection/_apis/wit/workItems/{{revisionId ?? workItemId}}/updates/2",
            "revision": {
              "id": {{revisionId ?? workItemId}},
              "rev": 2,
              "fields": { "System.State": "New", "System.ChangedBy": "Jamal Hartnett <fabrikamfiber4@hotmail.com>" },
              "url": "https://fabrikam-fiber-inc.visualstudio.com/DefaultCollection/_apis/wit/workItems/{{revisionId ?? workItemId}}/revisions/2"
            }
          },
          "resourceVersion": "1.0",
          "resourceContainers": { "collection": { "id": "c12d0eb8-e382-443b-9f9c-c52cba5014c2" }, "account": { "id": "f844ec47-a9db-4511-8281-8b63f4eaf94e" }, "project": { "id": "be9b3917-87e6-42a4-a549-2bc06a7a878f" } },
          "createdDate": "2025-03-12T15:40:10.1234567Z"
        }
        """;

    /// <summary>A <c>workitem.created</c> or <c>workitem.deleted</c> event: the resource is the work item.</summary>
    private static string WorkItemEvent(string eventType, int id) => $$"""
        {
          "id": "{{(eventType == "workitem.created" && id == 15 ? "d2d46fb1-dba5-403c-9373-427583f19e8c" : Guid.NewGuid().ToString())}}",
          "eventType": "{{eventType}}",
          "publisherId": "tfs",
          "message": { "text": "Bug #{{id}} (Some great new idea!) created by Jamal Hartnett." },
          "resource": {
            "id": {{id}},
            "rev": 1,
            "fields": { "System.AreaPath": "FabrikamCloud", "System.WorkItemType": "Bug", "System.State": "New", "System.Title": "Some great new idea!" },
            "url": "https://fabrikam-fiber-inc.visualstudio.com/DefaultCollection/_apis/wit/workItems/{{id}}"
          },
          "resourceVersion": "1.0",
          "createdDate": "2025-03-12T15:40:10.1234567Z"
        }
        """;
}
