using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace BacklogInsight.Api.Tests.Browser;

/// <summary>Open alerts on the overview and on the team page, raised by the evaluation that follows the demo's sync.</summary>
public sealed partial class DashboardTests
{
    [Test]
    public async Task Overview_And_TeamPage_ShowTheOpenAlertsWithEvidence()
    {
        await WaitForAlertAsync("team-lacks-owner", TimeSpan.FromMinutes(2));

        await GoToAsync($"#/?week={_service!.Week}");
        var overviewAlert = _page.GetByTestId("alerts-panel").Locator("[data-rule='team-lacks-owner']");
        await Assertions.Expect(overviewAlert).ToContainTextAsync("Data Platform");

        await overviewAlert.GetByRole(AriaRole.Link, new() { Name = "Data Platform" }).ClickAsync();
        var teamAlert = _page.GetByTestId("alerts-panel").Locator("[data-rule='team-lacks-owner']");
        await teamAlert.Locator("summary").ClickAsync();
        await Assertions.Expect(teamAlert.Locator(".evidence li").First).ToContainTextAsync("Last owner decision");
    }

    private async Task WaitForAlertAsync(string ruleId, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_service!.BaseUrl) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/alerts?state=active"));
            if (json.RootElement.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("ruleId").GetString() == ruleId))
            {
                return;
            }

            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"No open {ruleId} alert within {timeout}.\n{_service.Output}");
            }

            await Task.Delay(500);
        }
    }
}
