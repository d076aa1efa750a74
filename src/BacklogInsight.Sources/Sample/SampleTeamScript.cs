using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>Plays one team's sixteen weeks: its portfolio, then each sprint's refinement, planning and delivery.</summary>
internal sealed class SampleTeamScript(
    SampleContext context,
    SampleTeamProfile profile,
    SampleDomain domain,
    IReadOnlyList<Sprint> sprints)
{
    private readonly SampleText _text = new(context.Random, domain);
    private readonly List<SampleItemBuilder> _epics = [];

    public IReadOnlyList<Sprint> Sprints => sprints;

    public void Run()
    {
        var strategy = new SampleStrategyScript(context, profile, _text, this);
        strategy.CreatePortfolio();
        var story = new SampleStoryScript(context, profile, _text, this);
        for (var k = 0; k < sprints.Count; k++)
        {
            PlanSprint(story, k);
        }

        strategy.Run();
    }

    public void AddEpic(SampleItemBuilder epic) => _epics.Add(epic);

    /// <summary>An epic that existed at <paramref name="at"/>, or null.</summary>
    public SampleItemBuilder? PickEpic(DateTimeOffset at)
    {
        var candidates = _epics.FindAll(e => e.Item.CreatedAt != default && e.Item.CreatedAt < at);
        return candidates.Count == 0 ? null : context.Pick(candidates);
    }

    public SampleItemBuilder NewItem(string type, int level, string title, string? parentSourceId)
    {
        var item = new WorkItem
        {
            ConnectionId = context.ConnectionId,
            SourceId = context.NextIssueId(),
            Key = string.Empty,
            Type = type,
            HierarchyLevel = level,
            Title = title,
            Status = SampleStatuses.ToDo,
            StatusCategory = StatusCategory.ToDo,
            TeamSourceId = profile.Team.SourceId,
            ParentSourceId = parentSourceId,
        };
        return new SampleItemBuilder(context, item, sprints);
    }

    public DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        context.Work(from.AddMinutes(context.Random.Next(0, Math.Max(1, (int)(to - from).TotalMinutes))));

    private void PlanSprint(SampleStoryScript story, int k)
    {
        var sprint = sprints[k];
        var start = sprint.StartsAt!.Value;
        sprint.Goal = _text.Say(SampleWording.SprintGoals);
        var refineFrom = Max(start.AddDays(-9), context.WindowStart.AddHours(2));
        var refineTo = Max(start.AddDays(-1), refineFrom.AddDays(2));

        var planned = context.Random.Next(24, 30);
        for (var i = 0; i < planned; i++)
        {
            story.Run(Between(refineFrom, refineTo), k, i == 0 ? SampleItemPlan.Descoped : SampleItemPlan.Planned);
        }

        for (var i = 0; i < 2; i++)
        {
            story.Run(Between(start.AddDays(2), start.AddDays(6)), k, SampleItemPlan.Late);
        }

        for (var i = 0; i < 4; i++)
        {
            story.Run(Between(refineFrom, refineTo), k, SampleItemPlan.Backlog);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
