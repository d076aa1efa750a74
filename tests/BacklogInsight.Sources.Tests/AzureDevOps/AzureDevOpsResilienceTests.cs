using BacklogInsight.Sources.AzureDevOps;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

public sealed class AzureDevOpsResilienceTests : AzureDevOpsFixtureBase
{
    private const string WiqlPath = "/contoso-eng/Phoenix/_apis/wit/wiql";

    private const string SignInPage = """
        <!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head>
        <body><form action="https://login.microsoftonline.com/">Sign in to your account</form></body></html>
        """;

    private void FailOnceThenAnswerWiql(int status, string contentType, string body, params (string Name, string Value)[] headers)
    {
        var failure = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        foreach (var (name, value) in headers)
        {
            failure = failure.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(WiqlPath).UsingPost()).AtPriority(0)
            .InScenario("flaky").WillSetStateTo("recovered").RespondWith(failure);
        Server.Given(Request.Create().WithPath(WiqlPath).UsingPost()).AtPriority(0)
            .InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(AzureDevOpsPayloads.Read("wiql.json").Replace("4188", "4211", StringComparison.Ordinal)));
    }

    private AzureDevOpsClient CreateClient() =>
        Services.GetRequiredService<AzureDevOpsClientFactory>().Create(CreateConnection());

    [TestCase(429, "1", "Retry-After")]
    [TestCase(429, "0.25", "Retry-After")]
    [TestCase(503, null, null)]
    [TestCase(500, null, null)]
    public async Task ReadChangesAsync_TransientFailureThenSuccess_RetriesAndCountsTheRetry(int status, string? value, string? header)
    {
        Ado.Site();
        var headers = header is null
            ? []
            : new[] { (header, value!), ("X-RateLimit-Resource", "Core.TSTU"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Limit", "200"), ("X-RateLimit-Reset", "1741946100") };
        FailOnceThenAnswerWiql(status, "application/json", AzureDevOpsPayloads.Read("error-wiql-cap.json").Replace("VS402337", "TF400733", StringComparison.Ordinal), headers);

        var pages = await AzureDevOpsTestHost.ReadAllAsync(CreateSource());

        Assert.Multiple(() =>
        {
            Assert.That(pages[0].Retries, Is.EqualTo(1));
            Assert.That(pages.Sum(p => p.Retries), Is.EqualTo(1));
            Assert.That(Ado.Requests("/_apis/wit/wiql"), Has.Count.EqualTo(2));
            Assert.That(pages.Sum(p => p.Requests), Is.EqualTo(Server.LogEntries.Count()));
        });
    }

    [Test]
    public void ReadChangesAsync_Blocked429WithAnHtmlBodyEveryTime_GivesUpAfterTheRetriesWithAPlainMessage()
    {
        Ado.Site();
        Ado.Answer(WiqlPath, 429, "text/html", "<html><body>Too many requests</body></html>", "POST");

        var error = Assert.ThrowsAsync<AzureDevOpsSourceException>(() => AzureDevOpsTestHost.ReadAllAsync(CreateSource()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("rate-limiting").And.Contain("resumes from its checkpoint"));
            Assert.That(Ado.Requests("/_apis/wit/wiql"), Has.Count.EqualTo(4), "1 attempt + 3 retries");
        });
    }

    [Test]
    public async Task GetProjectsAsync_DelayedAnswerWithRetryAfter_UsesTheDataAndPausesBeforeTheNextRequest()
    {
        Server.Given(Request.Create().WithPath("/contoso-eng/_apis/projects").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json; charset=utf-8; api-version=7.1")
                .WithHeader("Retry-After", "12").WithHeader("X-RateLimit-Delay", "2.375").WithHeader("X-RateLimit-Remaining", "0")
                .WithHeader("X-RateLimit-Limit", "200").WithBody(AzureDevOpsPayloads.Read("projects.json")));
        var client = CreateClient();

        var first = await client.GetProjectsAsync(CancellationToken.None);
        await client.GetProjectsAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first.Single().Name, Is.EqualTo("Phoenix"));
            Assert.That(client.Stats.Retries, Is.Zero, "a delayed 200 succeeded: it is not retried");
            Assert.That(client.Stats.Pauses, Is.EqualTo(2), "each answer asked for a pause");
            Assert.That(client.Stats.Requests, Is.EqualTo(2));
        });
    }

    [TestCase("14", 2)]
    [TestCase("150", 0)]
    public async Task GetProjectsAsync_RemainingRateLimit_SlowsDownOnlyWhenFewUnitsRemain(string remaining, int pauses)
    {
        Server.Given(Request.Create().WithPath("/contoso-eng/_apis/projects").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithHeader("X-RateLimit-Resource", "Core.TSTU").WithHeader("X-RateLimit-Limit", "200")
                .WithHeader("X-RateLimit-Remaining", remaining).WithHeader("X-RateLimit-Reset", "1741945980")
                .WithBody(AzureDevOpsPayloads.Read("projects.json")));
        var client = CreateClient();

        await client.GetProjectsAsync(CancellationToken.None);
        await client.GetProjectsAsync(CancellationToken.None);

        Assert.That(client.Stats.Pauses, Is.EqualTo(pauses));
    }

    [Test]
    public async Task GetProjectsAsync_ContinuationHeader_ReadsTheNextPage()
    {
        Server.Given(Request.Create().WithPath("/contoso-eng/_apis/projects").UsingGet()).AtPriority(5)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithHeader("x-ms-continuationtoken", "1")
                .WithBody(AzureDevOpsPayloads.Read("projects.json")));
        Server.Given(Request.Create().WithPath("/contoso-eng/_apis/projects").WithParam("continuationToken", "1").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("""{"count":1,"value":[{"id":"0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6","name":"Atlas","state":"wellFormed"}]}"""));

        var projects = await CreateClient().GetProjectsAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(projects.Select(p => p.Name), Is.EqualTo(new[] { "Phoenix", "Atlas" }));
            Assert.That(Ado.Requests("/_apis/projects").Select(r => AzureDevOpsFake.Query(r, "$top")), Is.All.EqualTo("100"));
        });
    }

    [TestCase(203, "text/html; charset=utf-8", "sign-in page")]
    [TestCase(302, "text/html; charset=utf-8", "sign-in page")]
    [TestCase(200, "text/html; charset=utf-8", "sign-in page")]
    [TestCase(401, "application/json", "expired")]
    public void ReadChangesAsync_BadOrExpiredToken_SaysSoAndDoesNotRetry(int status, string contentType, string expected)
    {
        Ado.Site();
        Ado.Answer(WiqlPath, status, contentType, status == 401
            ? """{"$id":"1","innerException":null,"message":"TF400813: The user '' is not authorized to access this resource.","typeKey":"UnauthorizedRequestException","errorCode":0,"eventId":3000}"""
            : SignInPage, "POST");

        var error = Assert.ThrowsAsync<AzureDevOpsSourceException>(() => AzureDevOpsTestHost.ReadAllAsync(CreateSource()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(expected).And.Contain("token"));
            Assert.That((int?)error.StatusCode, Is.EqualTo(status));
            Assert.That(error.Message, Does.Not.Contain("<html"));
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void ReadChangesAsync_UnknownProject_SaysWhichSettingToCheck()
    {
        Ado.Answer("/contoso-eng/Phoenx/_apis/wit/wiql", 404, "application/json",
            """{"$id":"1","innerException":null,"message":"TF200016: The following project does not exist: Phoenx. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.","typeKey":"ProjectDoesNotExistWithNameException","errorCode":0,"eventId":3000}""",
            "POST");

        var error = Assert.ThrowsAsync<AzureDevOpsSourceException>(() => AzureDevOpsTestHost.ReadAllAsync(CreateSource("""{"projects":["Phoenx"]}""")));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("\"projects\" setting").And.Contain("TF200016"));
            Assert.That(error.ErrorCode, Is.EqualTo("TF200016"));
        });
    }

    [Test]
    public void ReadChangesAsync_MalformedJson_StopsWithoutUsingTheAnswer()
    {
        Ado.Site();
        Ado.Answer("/contoso-eng/Phoenix/_apis/wit/workitemsbatch", 200, "application/json", """{"count":2,"value":[{"id":4211,"fields":{""", "POST");

        var error = Assert.ThrowsAsync<AzureDevOpsSourceException>(() => AzureDevOpsTestHost.ReadAllAsync(CreateSource()));

        Assert.That(error!.Message, Does.Contain("malformed").And.Contain("last checkpoint"));
    }

    [Test]
    public void ReadChangesAsync_NoTokenStored_SaysWhatToAdd()
    {
        using var services = AzureDevOpsTestHost.Services(secrets: new Jira.FakeConnectionSecrets(null));
        var sut = AzureDevOpsTestHost.Source(services, CreateConnection());

        var error = Assert.ThrowsAsync<AzureDevOpsSourceException>(() => AzureDevOpsTestHost.ReadAllAsync(sut));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("\"token\" secret"));
            Assert.That(Server.LogEntries, Is.Empty);
        });
    }

    [Test]
    public void ReadChangesAsync_HourlyBudgetUsedUp_StopsWithAClearMessage()
    {
        Ado.Site();
        using var services = AzureDevOpsTestHost.Services(o => o.HourlyRequestBudget = 2);
        var sut = AzureDevOpsTestHost.Source(services, CreateConnection());

        var error = Assert.ThrowsAsync<AzureDevOpsSourceException>(() => AzureDevOpsTestHost.ReadAllAsync(sut));

        Assert.That(error!.Message, Does.Contain("budget of 2 Azure DevOps requests"));
    }
}
