using System.Net;
using BacklogInsight.Api.Tests.Infrastructure;
using BacklogInsight.Api.Tests.Jira.Fake;

namespace BacklogInsight.Api.Tests.Jira;

/// <summary>
/// <c>POST /api/webhooks/jira/{connection}</c>: a delivery proves itself with the connection's secret (Cloud's
/// <c>X-Hub-Signature: sha256=…</c> HMAC of the body, or Data Center's <c>?secret=</c>), a replay is refused or ignored,
/// and an accepted issue event queues one refresh of that issue and nothing else. No login: the endpoint is anonymous.
/// </summary>
[TestFixture]
public sealed class JiraWebhookTests
{
    private FakeJiraServer _fake = null!;
    private TempDirectory _data = null!;
    private BacklogApiFactory _factory = null!;
    private HttpClient _client = null!;
    private int _connections;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _fake = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = 10 }));
        _data = new TempDirectory();
        _factory = new BacklogApiFactory(_data.Path);
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _fake.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task Post_SignedIssueUpdated_QueuesOneRefreshOfThatIssue()
    {
        var connection = await CreateAsync();
        var issue = _fake.Site.Issue(4);

        var response = await JiraPushHarness.PostAsync(_client, connection.ToString(), JiraPushHarness.Event("jira:issue_updated", issue, Now()));

        var body = await ApiJson.ReadAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body.ToJsonString());
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("queued"));
            Assert.That(body["issueKey"]!.GetValue<string>(), Is.EqualTo("PAY-5"));
            Assert.That(JiraPushHarness.QueuedRefreshes(_factory, connection), Is.EqualTo(new[] { (issue.Id, false) }));
        });
    }

    [TestCase("jira:issue_created", false)]
    [TestCase("jira:issue_deleted", true)]
    public async Task Post_SignedIssueEvent_QueuesTheRefreshByConnectionName(string name, bool deleted)
    {
        var connectionName = "hook-" + Interlocked.Increment(ref _connections);
        var connection = await JiraPushHarness.CreateConnectionAsync(_client, _fake, connectionName);
        var issue = _fake.Site.Issue(2);

        var response = await JiraPushHarness.PostAsync(_client, connectionName, JiraPushHarness.Event(name, issue, Now()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(JiraPushHarness.QueuedRefreshes(_factory, connection), Is.EqualTo(new[] { (issue.Id, deleted) }));
    }

    [Test]
    public async Task Post_SignatureOfAnotherSecret_Is401AndQueuesNothing()
    {
        var connection = await CreateAsync();
        var body = JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(1), Now());
        var forged = Api.Features.Webhooks.WebhookSignature.Sign("not-the-secret", System.Text.Encoding.UTF8.GetBytes(body));

        var response = await JiraPushHarness.PostAsync(_client, connection.ToString(), body, forged);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await ApiJson.ReadAsync(response))["title"]!.GetValue<string>(), Does.Contain("does not match the body"));
            Assert.That(JiraPushHarness.QueuedRefreshes(_factory, connection), Is.Empty);
        });
    }

    [Test]
    public async Task Post_BodyChangedAfterSigning_Is401()
    {
        var connection = await CreateAsync();
        var body = JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(1), Now());
        var signature = Api.Features.Webhooks.WebhookSignature.Sign(JiraPushHarness.Secret, System.Text.Encoding.UTF8.GetBytes(body));

        var response = await JiraPushHarness.PostAsync(_client, connection.ToString(), body.Replace("10002", "10009", StringComparison.Ordinal), signature);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Post_Unsigned_Is401AndSaysHowToSign()
    {
        var connection = await CreateAsync();

        var response = await JiraPushHarness.PostAsync(_client, connection.ToString(), JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(1), Now()), signature: null);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await ApiJson.ReadAsync(response))["title"]!.GetValue<string>(), Does.Contain("not signed"));
            Assert.That(JiraPushHarness.QueuedRefreshes(_factory, connection), Is.Empty);
        });
    }

    [Test]
    public async Task Post_SecretInTheUrlDataCenterStyle_IsAcceptedAndAWrongOneIsNot()
    {
        var connection = await CreateAsync();
        var body = JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(3), Now());

        var wrong = await JiraPushHarness.PostAsync(_client, connection.ToString(), body, signature: null, query: "?secret=guess");
        var right = await JiraPushHarness.PostAsync(_client, connection.ToString(), body, signature: null, query: "?secret=" + JiraPushHarness.Secret);

        Assert.Multiple(() =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        });
    }

    [Test]
    public async Task Post_TimestampOutsideTheReplayWindow_IsRefusedAsAReplay()
    {
        var connection = await CreateAsync();

        var response = await JiraPushHarness.PostAsync(
            _client, connection.ToString(), JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(1), Now() - TimeSpan.FromHours(3)));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await ApiJson.ReadAsync(response))["title"]!.GetValue<string>(), Does.Contain("replay window"));
            Assert.That(JiraPushHarness.QueuedRefreshes(_factory, connection), Is.Empty);
        });
    }

    [Test]
    public async Task Post_SameDeliveryReplayedInsideTheWindow_IsAcknowledgedButQueuedOnce()
    {
        var connection = await CreateAsync();
        var body = JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(6), Now());

        var first = await JiraPushHarness.PostAsync(_client, connection.ToString(), body);
        var replay = await JiraPushHarness.PostAsync(_client, connection.ToString(), body);
        var retried = await JiraPushHarness.PostAsync(_client, connection.ToString(), JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(7), Now()), deliveryId: "d-1");
        var retriedAgain = await JiraPushHarness.PostAsync(_client, connection.ToString(), JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(7), Now() + TimeSpan.FromSeconds(1)), deliveryId: "d-1");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await ApiJson.ReadAsync(replay))["status"]!.GetValue<string>(), Is.EqualTo("duplicate"));
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(retriedAgain.StatusCode, Is.EqualTo(HttpStatusCode.OK), "same X-Atlassian-Webhook-Identifier: a retry of one delivery");
            Assert.That(JiraPushHarness.QueuedRefreshes(_factory, connection), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Post_ConnectionWithoutWebhookSecret_Is403AndSaysWhichSecretToSet()
    {
        var name = "nosecret-" + Interlocked.Increment(ref _connections);
        await JiraPushHarness.CreateConnectionAsync(_client, _fake, name, withWebhookSecret: false);

        var response = await JiraPushHarness.PostAsync(_client, name, JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(1), Now()));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await ApiJson.ReadAsync(response))["title"]!.GetValue<string>(), Does.Contain("'webhook-secret'"));
        });
    }

    [Test]
    public async Task Post_UnknownConnection_Is404()
    {
        var response = await JiraPushHarness.PostAsync(_client, "no-such-connection", JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(1), Now()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_OtherEvent_IsAcknowledgedAndIgnored()
    {
        var connection = await CreateAsync();
        var body = JiraPushHarness.Event("jira:issue_updated", _fake.Site.Issue(1), Now()).Replace("jira:issue_updated", "sprint_started", StringComparison.Ordinal);

        var response = await JiraPushHarness.PostAsync(_client, connection.ToString(), body);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await ApiJson.ReadAsync(response))["status"]!.GetValue<string>(), Is.EqualTo("ignored"));
            Assert.That(JiraPushHarness.QueuedRefreshes(_factory, connection), Is.Empty);
        });
    }

    [Test]
    public async Task Post_MalformedJsonProperlySigned_Is400()
    {
        var connection = await CreateAsync();

        var response = await JiraPushHarness.PostAsync(_client, connection.ToString(), "{\"webhookEvent\": ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private Task<Guid> CreateAsync() =>
        JiraPushHarness.CreateConnectionAsync(_client, _fake, "hook-" + Interlocked.Increment(ref _connections));
}
