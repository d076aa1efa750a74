using BacklogInsight.Domain.Classification;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Domain.Tests.Classification;

public sealed class ActivityContextFactoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void ForItem_ShuffledActivitiesWithTiesInTimeAndKey_StatusOfAStableSortByTimeThenKey()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var activities = Enumerable.Range(0, random.Next(1, 30)).Select(n => new Activity
            {
                // Few distinct instants and keys (some offsets differ for the same instant), so ties are common.
                SourceKey = random.Next(4) == 0 ? "k" : $"k{random.Next(5)}",
                WorkItemSourceId = "1",
                OccurredAt = Start.AddMinutes(random.Next(6)).ToOffset(TimeSpan.FromHours(random.Next(3))),
                Kind = random.Next(2) == 0 ? ActivityKind.Transitioned : ActivityKind.Commented,
                From = $"from{n}",
                To = $"to{n}",
            }).ToList();

            var contexts = ActivityContextFactory.ForItem(SourceKinds.Jira, Item(), activities, _ => null);

            Assert.That(contexts.Select(c => c.Status), Is.EqualTo(StatusesByStableSort(activities, "Now")), $"round {round}");
        }
    }

    [Test]
    public void ForItem_AlternatingActors_EachActivityNamesItsOwnActor()
    {
        var people = new Dictionary<string, Person>
        {
            ["a"] = new() { SourceId = "a", DisplayName = "Ann" },
            ["b"] = new() { SourceId = "b", DisplayName = "Build Bot", IsBot = true },
        };
        string?[] actors = ["a", "a", "b", null, "b", "a", null, null, "c"];
        var activities = actors.Select((actor, n) => new Activity
        {
            SourceKey = $"k{n}",
            WorkItemSourceId = "1",
            ActorSourceId = actor,
            OccurredAt = Start.AddMinutes(n),
            Kind = ActivityKind.Commented,
        }).ToList();

        var contexts = ActivityContextFactory.ForItem(SourceKinds.Jira, Item(), activities, id => id is null ? null : people.GetValueOrDefault(id));

        Assert.Multiple(() =>
        {
            Assert.That(contexts.Select(c => c.ActorName), Is.EqualTo(new[] { "Ann", "Ann", "Build Bot", null, "Build Bot", "Ann", null, null, null }));
            Assert.That(contexts.Select(c => c.IsBot), Is.EqualTo(new[] { false, false, true, false, true, false, false, false, false }));
            Assert.That(contexts.Select(c => c.IsAssignee), Is.EqualTo(actors.Select(a => a == "a")));
        });
    }

    private static WorkItem Item() => new()
    {
        SourceId = "1",
        Key = "PAY-1",
        Type = "Story",
        Title = "Pay by card",
        Status = "Now",
        AssigneeSourceId = "a",
    };

    /// <summary>The status after each activity, from a LINQ stable sort: the rule of taxonomy §7, written the plain way.</summary>
    private static List<string?> StatusesByStableSort(List<Activity> activities, string itemStatus)
    {
        var order = Enumerable.Range(0, activities.Count)
            .OrderBy(i => activities[i].OccurredAt).ThenBy(i => activities[i].SourceKey, StringComparer.Ordinal).ToList();
        var status = new string?[activities.Count];
        string? current = null;
        foreach (var i in order)
        {
            current = activities[i].Kind == ActivityKind.Transitioned ? activities[i].To : current;
            status[i] = current;
        }

        string? upcoming = itemStatus;
        foreach (var i in Enumerable.Reverse(order))
        {
            upcoming = activities[i].Kind == ActivityKind.Transitioned ? activities[i].From : upcoming;
            status[i] ??= upcoming;
        }

        return [.. status];
    }
}
