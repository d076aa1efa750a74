using BacklogInsight.Sources.AzureDevOps;
using Microsoft.Extensions.DependencyInjection;

namespace BacklogInsight.Sources.Tests.AzureDevOps;

public sealed class AzureDevOpsConnectionTesterTests : AzureDevOpsFixtureBase
{
    private Task<AzureDevOpsConnectionTestResult> TestAsync(string settings = AzureDevOpsTestHost.Settings) =>
        Services.GetRequiredService<AzureDevOpsConnectionTester>().TestAsync(CreateConnection(settings), CancellationToken.None);

    [Test]
    public async Task TestAsync_WorkingToken_ListsProjectsAndTeams()
    {
        Ado.Site();

        var result = await TestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Projects, Is.EqualTo(new[] { "Phoenix" }));
            Assert.That(result.Teams, Is.EqualTo(new[] { "Phoenix Team", "Checkout Squad" }));
            Assert.That(result.Messages[0], Does.StartWith("The token is accepted and sees 1 project(s)"));
            Assert.That(Ado.Requests("/_apis/wit/wiql"), Has.Count.EqualTo(1), "a query proves work items can be read");
        });
    }

    [Test]
    public async Task TestAsync_SignInPageInsteadOfData_SaysTheTokenIsWrongOrExpired()
    {
        Ado.Answer("/contoso-eng/_apis/projects", 203, "text/html; charset=utf-8", "<html><body>Sign in</body></html>");

        var result = await TestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Messages.Single(), Does.Contain("personal access token is wrong, expired or revoked"));
        });
    }

    [Test]
    public async Task TestAsync_UnknownProject_NamesIt()
    {
        Ado.Site();

        var result = await TestAsync("""{"projects":["Phoenix","Atlas"]}""");

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Projects, Is.EqualTo(new[] { "Phoenix" }));
            Assert.That(result.Messages, Has.Some.Contains("no project named 'Atlas'"));
        });
    }

    [Test]
    public async Task TestAsync_BaseUrlNotAnAddress_SaysWhatItShouldLookLike()
    {
        var result = await Services.GetRequiredService<AzureDevOpsConnectionTester>()
            .TestAsync(AzureDevOpsTestHost.Connection("dev.azure.com/contoso"), CancellationToken.None);

        Assert.That(result.Messages.Single(), Does.Contain("https://dev.azure.com/contoso"));
    }
}
