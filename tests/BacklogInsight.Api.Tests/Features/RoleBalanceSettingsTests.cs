using BacklogInsight.Api.Tests.Infrastructure;

namespace BacklogInsight.Api.Tests.Features;

/// <summary>The role-inference thresholds come from configuration (<c>RoleBalance:*</c>).</summary>
[TestFixture]
public sealed class RoleBalanceSettingsTests
{
    private static readonly string[] Weeks = ["2026-W40", "2026-W42", "2026-W44", "2026-W46"];

    [TestCase(null, true)]
    [TestCase("100000", false)]
    public async Task People_CombinedRoleThreshold_IsTakenFromConfiguration(string? minimumCombined, bool expectCombined)
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Organisation:TimeZone"] = "Europe/Berlin" };
        if (minimumCombined is not null)
        {
            settings["RoleBalance:Roles:MinimumCombinedActivities"] = minimumCombined;
        }

        await using var factory = new BacklogApiFactory(data.Path, settings);
        using var client = factory.CreateClient();
        await factory.CreateAndSyncSampleAsync(client);
        var team = (await ApiJson.ReadAllPagesAsync(client, "/api/teams")).Single(t => t!["name"]!.GetValue<string>() == "Mobile App")["id"];

        var roles = new List<string>();
        foreach (var week in Weeks)
        {
            var people = await ApiJson.ReadAsync(await client.GetAsync($"/api/teams/{team}/people?week={week}"));
            roles.AddRange(people["people"]!.AsArray().Select(p => p!["role"]!.GetValue<string>()));
        }

        Assert.That(roles.Contains("combined"), Is.EqualTo(expectCombined), string.Join(", ", roles));
    }
}
