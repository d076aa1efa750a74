using System.Globalization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>
/// Builds the sample organisation: five teams in four ownership situations, their people, sprints, work items
/// and sixteen weeks of history. A pure function of the seed and the anchor: iteration is over lists only.
/// </summary>
public static class SampleGenerator
{
    /// <summary>How far the generated history reaches back from the anchor.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(16 * 7);

    /// <summary>How long before the anchor the deactivated owner stopped acting.</summary>
    public static readonly TimeSpan OwnerGoneBefore = TimeSpan.FromDays(6 * 7);

    /// <summary>How long before the anchor the team without direction last saw strategic work.</summary>
    public static readonly TimeSpan StrategyGoneBefore = TimeSpan.FromDays(14 * 7);

    /// <summary>The account id of the automation rule actor.</summary>
    public const string BotSourceId = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";

    public static SampleOrganisation Generate(int seed, DateTimeOffset now, Guid connectionId = default)
    {
        now = now.ToUniversalTime();
        var random = new Random(seed);
        var bot = new Person { ConnectionId = connectionId, SourceId = BotSourceId, DisplayName = "Automation for Jira", IsBot = true };
        var context = new SampleContext(random, now, connectionId, bot);
        var people = new SamplePeople(random, connectionId);

        var profiles = CreateProfiles(context, people);
        var sprints = new List<Sprint>();
        var sprintId = 400 + random.Next(0, 200);
        foreach (var profile in profiles)
        {
            var domain = SampleDomains.All[int.Parse(profile.Team.SourceId, CultureInfo.InvariantCulture) - 1];
            var teamSprints = CreateSprints(context, profile.Team, domain, ref sprintId);
            sprints.AddRange(teamSprints);
            var firstItem = context.Items.Count;
            new SampleTeamScript(context, profile, domain, teamSprints).Run();
            AssignKeys(context.Items.GetRange(firstItem, context.Items.Count - firstItem), domain.Prefix, random);
        }

        var activities = context.Activities;
        activities.Sort(static (a, b) =>
        {
            var byTime = a.OccurredAt.CompareTo(b.OccurredAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.SourceKey, b.SourceKey);
        });

        return new SampleOrganisation
        {
            Now = now,
            Profiles = profiles,
            Teams = [.. profiles.Select(p => p.Team)],
            People = [.. people.All, bot],
            Bot = bot,
            Sprints = sprints,
            Items = context.Items,
            Activities = activities,
            ItemsById = context.Items.ToDictionary(i => i.SourceId, StringComparer.Ordinal),
        };
    }

    private static List<SampleTeamProfile> CreateProfiles(SampleContext context, SamplePeople people)
    {
        var payPm = people.Next();
        var payPo = people.Next();
        var mobileLead = people.Next();
        var dataOwner = people.Next();
        dataOwner.IsActive = false;
        var dataSearchPm = people.Next();
        var growthPm = people.Next();
        var growthPo = people.Next();
        var searchPo = people.Next();
        var connectionId = context.ConnectionId;

        Team TeamOf(int id, Person owner) => new()
        {
            ConnectionId = connectionId,
            SourceId = id.ToString(CultureInfo.InvariantCulture),
            Name = SampleDomains.All[id - 1].TeamName,
            OwnerSourceId = owner.SourceId,
        };

        return
        [
            new() { Team = TeamOf(1, payPo), Situation = SampleTeamSituation.Healthy, ProductManager = payPm, ProductOwner = payPo, Developers = people.Take(7), AcceptanceStatus = SampleStatuses.ReadyForAcceptance, HasQa = true },
            new() { Team = TeamOf(2, mobileLead), Situation = SampleTeamSituation.CombinedRole, ProductManager = mobileLead, ProductOwner = mobileLead, Developers = people.Take(6), AcceptanceStatus = SampleStatuses.PoReview, HasQa = true },
            new() { Team = TeamOf(3, dataOwner), Situation = SampleTeamSituation.OwnerDeactivated, ProductManager = dataSearchPm, ProductOwner = dataOwner, Developers = people.Take(6), AcceptanceStatus = SampleStatuses.ReadyForAcceptance, OwnerGoneAt = context.Now - OwnerGoneBefore },
            new() { Team = TeamOf(4, growthPo), Situation = SampleTeamSituation.NoStrategy, ProductManager = growthPm, ProductOwner = growthPo, Developers = people.Take(6), AcceptanceStatus = SampleStatuses.ReadyForAcceptance, StrategyEndsAt = context.Now - StrategyGoneBefore },
            new() { Team = TeamOf(5, searchPo), Situation = SampleTeamSituation.Healthy, ProductManager = dataSearchPm, ProductOwner = searchPo, Developers = people.Take(6), AcceptanceStatus = SampleStatuses.PoReview },
        ];
    }

    /// <summary>Two-week sprints: the closed ones covering the window, the active one and one future sprint.</summary>
    private static List<Sprint> CreateSprints(SampleContext context, Team team, SampleDomain domain, ref int sprintId)
    {
        var firstNumber = context.Random.Next(12, 60);
        var windowDay = new DateTimeOffset(context.WindowStart.UtcDateTime.Date, TimeSpan.Zero);
        var first = windowDay.AddDays(-2 - (int.Parse(team.SourceId, CultureInfo.InvariantCulture) % 3)).AddHours(8);
        var sprints = new List<Sprint>();
        for (var k = 0; k < 10; k++)
        {
            var starts = first.AddDays(14 * k);
            var ends = starts.AddDays(13).AddHours(9);
            sprints.Add(new Sprint
            {
                ConnectionId = context.ConnectionId,
                SourceId = (++sprintId).ToString(CultureInfo.InvariantCulture),
                TeamSourceId = team.SourceId,
                Name = string.Create(CultureInfo.InvariantCulture, $"{domain.Prefix} Sprint {firstNumber + k}"),
                State = ends <= context.Now ? "closed" : starts <= context.Now ? "active" : "future",
                StartsAt = starts,
                EndsAt = ends,
            });
        }

        return sprints;
    }

    /// <summary>Keys follow creation order within a project, as Jira's do; the first key continues an older project.</summary>
    private static void AssignKeys(List<WorkItem> items, string prefix, Random random)
    {
        var number = random.Next(90, 700);
        foreach (var item in items.OrderBy(i => i.CreatedAt).ThenBy(i => i.SourceId, StringComparer.Ordinal))
        {
            item.Key = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{++number}");
            item.Url = "https://sample.backloginsight.invalid/browse/" + item.Key;
        }
    }
}
