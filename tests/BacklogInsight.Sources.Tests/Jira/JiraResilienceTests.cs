using BacklogInsight.Sources.Jira;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace BacklogInsight.Sources.Tests.Jira;

public sealed class JiraResilienceTests : JiraFixtureBase
{


    private IBacklogSource CreateSut() => JiraTestHost.Source(Services, JiraTestHost.Connection(Server.Urls[0]));

    private void FailOnceThenServeFields(int status, string? retryAfter)
    {
        var failure = Response.Create().WithStatusCode(status).WithBody("busy");
        if (retryAfter is not null)
        {
            failure = failure.WithHeader("Retry-After", retryAfter);
        }

        Server.Given(Request.Create().WithPath("/rest/api/3/field").UsingGet())
            .InScenario("flaky").WillSetStateTo("recovered").RespondWith(failure);
        Server.Given(Request.Create().WithPath("/rest/api/3/field").UsingGet())
            .InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JiraPayloads.Read("fields.json")));
    }

    [TestCase(429, "1")]
    [TestCase(429, "Wed, 21 Oct 2015 07:28:00 GMT")]
    [TestCase(503, null)]
    [TestCase(502, "0")]
    public async Task ReadChangesAsync_TransientFailureThenSuccess_RetriesAndCountsTheRetry(int status, string? retryAfter)
    {
        Jira.CloudSite();
        FailOnceThenServeFields(status, retryAfter);

        var pages = await JiraTestHost.ReadAllAsync(CreateSut());

        Assert.Multiple(() =>
        {
            Assert.That(pages[0].Retries, Is.EqualTo(1));
            Assert.That(pages.Sum(p => p.Retries), Is.EqualTo(1));
            Assert.That(Jira.Requests("/rest/api/3/field"), Has.Count.EqualTo(2));
            Assert.That(pages[0].Requests, Is.GreaterThanOrEqualTo(4), "myself, field twice, search");
        });
    }

    [TestCase(401, "text/plain", "Client must be authenticated to access this resource.", "credentials")]
    [TestCase(403, "application/json", """{"errorMessages":["You do not have the permission to see the specified issue."]}""", "403 Forbidden")]
    [TestCase(404, "text/html", "<html><body>Not here</body></html>", "base URL")]
    [TestCase(410, "application/json", """{"errorMessages":["The requested API has been removed."]}""", "removed (410 Gone)")]
    [TestCase(400, "application/json", """{"errorMessages":["The value 'PAYX' does not exist for the field 'project'."],"errors":{}}""", "'PAYX' does not exist")]
    public void ReadChangesAsync_FailingStatus_StopsWithAPlainMessageAndNoRetry(int status, string contentType, string body, string expected)
    {
        Server.Given(Request.Create().WithPath("/rest/api/3/myself").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));

        var error = Assert.ThrowsAsync<JiraSourceException>(() => JiraTestHost.ReadAllAsync(CreateSut()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(expected));
            Assert.That((int?)error.StatusCode, Is.EqualTo(status));
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void ReadChangesAsync_ServerAnswersAWebPage_SaysTheBaseUrlIsProbablyWrong()
    {
        Server.Given(Request.Create().WithPath("/rest/api/3/myself").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/html; charset=utf-8").WithBody("<!DOCTYPE html><html>Log in</html>"));

        var error = Assert.ThrowsAsync<JiraSourceException>(() => JiraTestHost.ReadAllAsync(CreateSut()));

        Assert.That(error!.Message, Does.Contain("web page instead of JSON"));
    }

    [Test]
    public void ReadChangesAsync_HourlyBudgetUsedUp_StopsWithAClearMessage()
    {
        Jira.CloudSite();
        using var services = JiraTestHost.Services(o => o.HourlyRequestBudget = 3);
        var sut = JiraTestHost.Source(services, JiraTestHost.Connection(Server.Urls[0]));

        var error = Assert.ThrowsAsync<JiraSourceException>(() => JiraTestHost.ReadAllAsync(sut));

        Assert.That(error!.Message, Does.Contain("budget of 3 Jira requests"));
    }
}
