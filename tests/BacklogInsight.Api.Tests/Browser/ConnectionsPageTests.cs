using BacklogInsight.Api.Tests.Jira.Fake;
using Microsoft.Playwright;

namespace BacklogInsight.Api.Tests.Browser;

/// <summary>
/// The Connections page in Debian's Chromium against the real service process and a fake Jira site on loopback: add a
/// Jira site, test it, pick what to follow, save it, sync it and see its data completeness.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Browser")]
[Explicit("Needs Debian's chromium; run with --filter Category=Browser (.ci/run installs chromium and does).")]
public sealed class ConnectionsPageTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private DashboardService? _service;
    private FakeJiraServer? _jira;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is missing at {ChromiumPath}: install it with `apt-get update && apt-get install -y chromium`.");
        }

        _jira = await FakeJiraServer.StartAsync(new FakeJiraSite(new FakeJiraSiteOptions { Issues = 12, LongHistoryShare = 0.3 }));
        _service = await DashboardService.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        _page = await (await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } })).NewPageAsync();
        _page.SetDefaultTimeout(30_000);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _service?.Dispose();
        if (_jira is not null)
        {
            await _jira.DisposeAsync();
        }
    }

    [Test]
    public async Task AddAJiraSite_TestPickSaveSync_ShowsItsCompleteness()
    {
        await _page.GotoAsync(_service!.BaseUrl + "/#/connections");
        await ReadyAsync();
        var demo = _page.Locator("[data-testid=connection][data-name=demo]");
        await Assertions.Expect(demo.GetByTestId("completeness")).ToContainTextAsync("Last successful sync");

        await _page.GetByTestId("jira-name").FillAsync("acme-jira");
        await _page.GetByTestId("jira-url").FillAsync(_jira!.BaseUrl.AbsoluteUri);
        await _page.GetByTestId("jira-email").FillAsync("bot@acme.example");
        await _page.GetByTestId("jira-token").FillAsync("api-token-from-atlassian");
        await _page.GetByTestId("jira-test").ClickAsync();

        var outcome = _page.GetByTestId("jira-test-result").GetByTestId("test-outcome");
        await Assertions.Expect(outcome).ToHaveAttributeAsync("data-succeeded", "true");
        await Assertions.Expect(outcome).ToContainTextAsync("The token belongs to API user");
        await Assertions.Expect(outcome).ToContainTextAsync("Europe/Berlin");
        var project = _page.GetByTestId("pick-project").Locator("input[value=PAY]");
        await Assertions.Expect(project).ToBeCheckedAsync();
        await _page.GetByTestId("pick-board").Locator("input[value='7']").CheckAsync();
        await _page.GetByTestId("jira-save").ClickAsync();

        var card = _page.Locator("[data-testid=connection][data-name=acme-jira]");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await ReadyAsync();
        await Assertions.Expect(card.GetByTestId("last-success")).ToHaveTextAsync("—");
        await card.GetByTestId("test-connection").ClickAsync();
        await Assertions.Expect(card.GetByTestId("test-outcome")).ToHaveAttributeAsync("data-succeeded", "true");

        await card.GetByTestId("sync-connection").ClickAsync();
        await Assertions.Expect(card.GetByTestId("test-result")).ToContainTextAsync("Sync queued");
        await WaitForSyncAsync();

        card = _page.Locator("[data-testid=connection][data-name=acme-jira]");
        await Assertions.Expect(card.GetByTestId("items")).ToHaveTextAsync("12 (0)");
        Assert.That(await card.GetByTestId("last-success").InnerTextAsync(), Is.Not.EqualTo("—"));
        Assert.That(int.Parse(await card.GetByTestId("requests").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
        Assert.That(int.Parse(await card.GetByTestId("changelogs").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
        await Assertions.Expect(card.GetByTestId("mapped")).ToContainTextAsync("Sprint → Sprint");
    }

    /// <summary>Clicks Refresh until the new connection shows its last successful sync (the job runs in the service).</summary>
    private async Task WaitForSyncAsync()
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var card = _page.Locator("[data-testid=connection][data-name=acme-jira]");
            await card.GetByTestId("refresh-connections").ClickAsync();
            await ReadyAsync();
            if (await _page.Locator("[data-testid=connection][data-name=acme-jira]").GetByTestId("last-success").InnerTextAsync() != "—")
            {
                return;
            }

            await Task.Delay(1000);
        }

        Assert.Fail("The sync of the new connection did not succeed within a minute:\n" + _service!.Output);
    }

    private async Task ReadyAsync()
    {
        await Assertions.Expect(_page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        Assert.That(await _page.GetByTestId("error").CountAsync(), Is.Zero, "the page shows an error");
    }
}
