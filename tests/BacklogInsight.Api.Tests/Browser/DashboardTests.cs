using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BacklogInsight.Api.Tests.Browser;

/// <summary>
/// The dashboard in Debian's Chromium, driven by Playwright, against the real service in its own process.
/// Run: <c>dotnet test tests/BacklogInsight.Api.Tests --filter Category=Browser</c>.
/// Screenshots: <c>BACKLOG_SCREENSHOTS=/tmp/shots dotnet test tests/BacklogInsight.Api.Tests --filter Category=Screenshots</c>.
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Browser")]
[Explicit("Needs Debian's chromium; run with --filter Category=Browser (.ci/run installs chromium and does).")]
public sealed partial class DashboardTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const int WeeksOnTeamPage = 26;
    private const int DrillDownPageSize = 100;

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private DashboardService? _service;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task StartServiceAndBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is missing at {ChromiumPath}: install it with `apt-get update && apt-get install -y chromium`.");
        }

        _service = await DashboardService.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
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
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            TimezoneId = "Europe/Berlin",
        });
        _page = await context.NewPageAsync();
        _page.SetDefaultTimeout(20_000);
        await SignInAsync();
    }

    [TearDown]
    public async Task ClosePageAsync() => await _page.Context.CloseAsync();

    [Test]
    public async Task Overview_ListsEveryTeamWithItsNumbers()
    {
        await GoToAsync($"#/?week={_service!.Week}");

        var rows = _page.GetByTestId("team-row");
        Assert.That(await rows.CountAsync(), Is.EqualTo(5));
        for (var i = 0; i < 5; i++)
        {
            var row = rows.Nth(i);
            Assert.That(await row.GetByTestId("count").CountAsync(), Is.EqualTo(4), "one number per class");
            Assert.That(await row.GetByTestId("balance").InnerTextAsync(), Does.Match("^(\\d+%|—)$"));
            await Assertions.Expect(row.GetByTestId("sparkline")).ToBeVisibleAsync();
        }
    }

    [Test]
    public async Task Overview_ClickingANumber_ListsExactlyThatManyActivitiesWithReasonsAndLinks()
    {
        await GoToAsync($"#/?week={_service!.Week}");

        await DrillDownIntoFirstSmallCountAsync(_page.GetByTestId("team-row").GetByTestId("count"));
    }

    [Test]
    public async Task TeamPage_DrawsTheWeeklyChartAndItsNumbersOpenTheActivities()
    {
        await GoToAsync($"#/?week={_service!.Week}");
        await _page.GetByTestId("team-link").First.ClickAsync();
        await WaitUntilReadyAsync();

        var chart = _page.GetByTestId("weekly-chart");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.That(await chart.Locator("rect").CountAsync(), Is.EqualTo(WeeksOnTeamPage * 4), "one rect per class and week");
        Assert.That(await chart.Locator("rect[data-class=strategic]").CountAsync(), Is.EqualTo(WeeksOnTeamPage));
        Assert.That(await _page.GetByTestId("person-row").CountAsync(), Is.GreaterThan(0));

        await DrillDownIntoFirstSmallCountAsync(_page.GetByTestId("week-summary").GetByTestId("count"));
    }

    [Test]
    public async Task Reports_GenerateLastWeek_ListsItWithItsRenderings()
    {
        await GoToAsync("#/reports");

        await _page.GetByTestId("generate-last-week").ClickAsync();

        var row = _page.GetByTestId("report-row").First;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var html = await row.GetByRole(AriaRole.Link, new() { Name = "HTML" }).First.GetAttributeAsync("href");
        var response = await _page.APIRequest.GetAsync(_service!.BaseUrl + html);
        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Headers["content-type"], Does.StartWith("text/html"));
    }

    [Test]
    [Category("Screenshots")]
    public async Task Screenshots_OfTheOverviewATeamPageAndADrillDown()
    {
        var folder = Environment.GetEnvironmentVariable("BACKLOG_SCREENSHOTS") is { Length: > 0 } chosen
            ? chosen
            : Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);

        await GoToAsync($"#/?week={_service!.Week}");
        await Assertions.Expect(_page.GetByTestId("sparkline")).ToHaveCountAsync(5);
        var overview = Path.Combine(folder, "overview.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = overview, FullPage = true });

        await _page.GetByTestId("team-link").First.ClickAsync();
        await WaitUntilReadyAsync();
        var team = Path.Combine(folder, "team.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = team, FullPage = true });

        var (button, _) = await FirstSmallCountAsync(_page.GetByTestId("week-summary").GetByTestId("count"));
        await button.ClickAsync();
        await Assertions.Expect(_page.GetByTestId("drilldown-status")).ToHaveTextAsync(AllShown());
        var drillDown = Path.Combine(folder, "team-drilldown.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = drillDown });

        TestContext.AddTestAttachment(overview);
        TestContext.AddTestAttachment(team);
        TestContext.AddTestAttachment(drillDown);
        TestContext.Out.WriteLine($"Screenshots written to {folder}");
        Assert.That(new FileInfo(overview).Length, Is.GreaterThan(10_000));
        Assert.That(new FileInfo(team).Length, Is.GreaterThan(10_000));
    }

    /// <summary>The dashboard asks for a key first; signing in with the demo's printed key opens the overview.</summary>
    private async Task SignInAsync()
    {
        await _page.GotoAsync(_service!.BaseUrl + "/");
        await _page.GetByTestId("sign-in-key").FillAsync(_service.AdminKey);
        await _page.GetByTestId("sign-in-submit").ClickAsync();
        await WaitUntilReadyAsync();
    }

    private async Task GoToAsync(string hash)
    {
        await _page.GotoAsync(_service!.BaseUrl + "/" + hash);
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        await Assertions.Expect(_page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        Assert.That(await _page.GetByTestId("error").CountAsync(), Is.Zero, "the page shows an error");
    }

    /// <summary>Clicks the first number between 1 and one page of activities and checks the list behind it.</summary>
    private async Task DrillDownIntoFirstSmallCountAsync(ILocator counts)
    {
        var (button, expected) = await FirstSmallCountAsync(counts);

        await button.ClickAsync();

        var panel = _page.GetByTestId("drilldown");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("drilldown-status")).ToHaveTextAsync(AllShown());
        var rows = panel.GetByTestId("activity-row");
        Assert.That(await rows.CountAsync(), Is.EqualTo(expected), "the list holds as many activities as the number said");
        Assert.That(await panel.GetByTestId("drilldown-more").IsVisibleAsync(), Is.False);
        var cls = await button.GetAttributeAsync("data-class");
        for (var i = 0; i < expected; i++)
        {
            var row = rows.Nth(i);
            Assert.That(await row.GetAttributeAsync("data-class"), Is.EqualTo(cls));
            Assert.That((await row.GetByTestId("reasons").Locator("li").AllInnerTextsAsync()).Where(r => r.Length > 0), Is.Not.Empty, "every activity says why");
            var link = row.GetByTestId("item-link");
            Assert.That(await link.GetAttributeAsync("href"), Does.StartWith("http"));
            Assert.That(await link.GetAttributeAsync("target"), Is.EqualTo("_blank"));
        }
    }

    private static async Task<(ILocator Button, int Count)> FirstSmallCountAsync(ILocator counts)
    {
        var total = await counts.CountAsync();
        for (var i = 0; i < total; i++)
        {
            var count = int.Parse(await counts.Nth(i).InnerTextAsync(), CultureInfo.InvariantCulture);
            if (count is > 0 and <= DrillDownPageSize)
            {
                return (counts.Nth(i), count);
            }
        }

        Assert.Fail("No number between 1 and 100 to drill into.");
        throw new UnreachableException();
    }

    [GeneratedRegex("all of them")]
    private static partial Regex AllShown();
}
