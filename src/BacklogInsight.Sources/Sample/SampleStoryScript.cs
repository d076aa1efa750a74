using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>
/// The life of one team-level item: created and refined by the owner (tactical), planned into a sprint,
/// then moved through the workflow by its assignee with sub-tasks, worklogs, comments and PR links (delivery),
/// and finally accepted or rejected by the owner. Without an acting owner, developers close their own work.
/// </summary>
internal sealed class SampleStoryScript(SampleContext context, SampleTeamProfile profile, SampleText text, SampleTeamScript team)
{
    private static readonly string[] Types = ["Story", "Story", "Story", "Story", "Story", "Story", "Bug", "Bug", "Task", "Spike"];

    public void Run(DateTimeOffset createdAt, int sprintIndex, SampleItemPlan plan)
    {
        var type = context.Pick(Types);
        var dev = context.Pick(profile.Developers);
        var owner = profile.ProductOwner;
        var ownerActs = profile.OwnerActs(createdAt);
        var reporter = !ownerActs || (type == "Bug" && context.Chance(0.4)) ? dev : owner;
        var topic = text.Object;
        var title = type switch
        {
            "Bug" => text.BugTitle(),
            "Task" => text.TaskTitle(),
            "Spike" => text.SpikeTitle(),
            _ => text.StoryTitle(),
        };
        var parent = type is "Story" or "Spike" || context.Chance(0.3) ? team.PickEpic(createdAt) : null;
        var item = team.NewItem(type, 0, title, parent?.Item.SourceId);
        if (!item.Create(createdAt, reporter))
        {
            return;
        }

        if (type == "Bug" && context.Chance(0.35))
        {
            item.Rank(createdAt.AddMinutes(1), context.Bot, higher: true);
        }

        var points = context.Pick(new[] { "1", "2", "3", "5", "8" });
        var at = Refine(item, createdAt, type, points);
        if (plan == SampleItemPlan.Backlog)
        {
            return;
        }

        var sprintStart = team.Sprints[sprintIndex].StartsAt!.Value;
        var planAt = plan == SampleItemPlan.Late ? context.Later(at, 0.1, 2) : context.Later(at > sprintStart ? at : sprintStart, 0.5, 3);
        var planner = profile.OwnerActs(planAt) ? owner : dev;
        item.SetSprint(planAt, planner, sprintIndex, plan == SampleItemPlan.Late && planner == owner ? text.Say(SampleWording.OwnerNotes) : null);
        if (plan == SampleItemPlan.Descoped)
        {
            var descopeAt = context.Later(planAt, 2, 30);
            if (profile.OwnerActs(descopeAt))
            {
                item.SetSprint(descopeAt, owner, -1, "Descoped from this sprint; the sprint goal is at risk otherwise. Back to the top of the backlog.");
            }

            return;
        }

        var start = plan == SampleItemPlan.Late ? context.Later(planAt, 0.5, 8) : team.Between(planAt, planAt.AddDays(6));
        Deliver(item, type, dev, topic, points, start);
    }

    /// <summary>The owner's refinement record; every step is skipped once the owner no longer acts.</summary>
    private DateTimeOffset Refine(SampleItemBuilder item, DateTimeOffset at, string type, string points)
    {
        var owner = profile.ProductOwner;
        bool Step(double probability, double maxHours, out DateTimeOffset when)
        {
            when = context.Later(at, 0.1, maxHours);
            return context.Chance(probability) && profile.OwnerActs(when);
        }

        if (type == "Bug" && Step(0.5, 6, out var triage))
        {
            at = triage;
            item.Change(at, owner, CanonicalField.Priority, "priority", "Medium", context.Pick(new[] { "High", "Highest", "Low" }));
        }

        if (type == "Story" && Step(0.8, 20, out var criteria))
        {
            at = criteria;
            item.Change(at, owner, CanonicalField.AcceptanceCriteria, "Acceptance Criteria", null, text.AcceptanceCriteria());
        }

        if (Step(type == "Bug" ? 0.4 : 1, 20, out var estimate))
        {
            at = estimate;
            item.Change(at, owner, CanonicalField.Estimate, "Story Points", null, points);
        }

        if (Step(0.2, 8, out var clarified))
        {
            at = clarified;
            item.Change(at, owner, CanonicalField.Description, "description", null,
                $"As a {text.User} I want to {text.Pick(text.Domain.Capabilities)}, so that {text.Pick(SampleWording.Outcomes)}.");
        }

        if (Step(0.5, 4, out var ranked))
        {
            item.Rank(ranked, owner, context.Chance(0.7));
        }

        if (Step(0.25, 4, out var labelled))
        {
            item.AddLabel(labelled, owner, "ready");
        }

        if (Step(0.1, 4, out var released))
        {
            item.Change(released, owner, CanonicalField.FixVersion, "Fix Version", null, context.Pick(SampleStrategicWording.FixVersions));
        }

        if (Step(0.12, 4, out var noted))
        {
            item.Comment(noted, owner, text.Say(SampleWording.OwnerNotes));
        }

        return item.Last;
    }

    private void Deliver(SampleItemBuilder item, string type, Person dev, string topic, string points, DateTimeOffset start)
    {
        item.Assign(start, dev, dev);
        item.Transition(start.AddMinutes(context.Random.Next(1, 30)), dev, SampleStatuses.InProgress);
        var review = context.Later(start, 6, 60);
        if (context.Chance(0.1))
        {
            item.Change(team.Between(start, review), dev, CanonicalField.Estimate, "Story Points", points, context.Pick(new[] { "3", "5", "8", "13" }));
        }

        var subTasks = type switch
        {
            "Task" => context.Random.Next(0, 4),
            "Story" => context.Chance(0.65) ? context.Random.Next(1, 4) : 0,
            _ => 0,
        };
        var lastSubTaskDone = start;
        for (var i = 0; i < subTasks; i++)
        {
            var done = DeliverSubTask(item, dev, topic, start, review);
            lastSubTaskDone = done > lastSubTaskDone ? done : lastSubTaskDone;
        }

        var moments = Enumerable.Range(0, context.Random.Next(4, 10)).Select(_ => team.Between(start, review)).Order().ToList();
        for (var i = 0; i < moments.Count; i++)
        {
            var at = moments[i];
            var roll = context.Random.NextDouble();
            if (i == moments.Count - 1 && type != "Spike")
            {
                item.Link(at, dev, "RemoteIssueLink", $"PR #{text.Pr} · {type.ToLowerInvariant()}: {topic}");
            }
            else if (roll < 0.2 && context.Later(at, 0.3, 5) is var answerAt && profile.OwnerActs(answerAt))
            {
                item.Comment(at, dev, text.Say(SampleWording.DevQuestions));
                item.Comment(answerAt, profile.ProductOwner, text.Say(SampleWording.OwnerAnswers));
            }
            else if (roll < 0.3)
            {
                item.Comment(at, context.Bot, text.Say(SampleWording.BotComments));
            }
            else if (roll < 0.65 || subTasks > 0)
            {
                item.Comment(at, dev, text.Say(SampleWording.DevComments));
            }
            else
            {
                item.LogWork(at, dev, 15 * context.Random.Next(2, 33), text.Say(SampleWording.WorklogNotes));
            }
        }

        if (type == "Task" && subTasks > 0)
        {
            item.Transition(context.Later(lastSubTaskDone, 0, 0.2), context.Bot, SampleStatuses.Done, "All sub-tasks are done; closing the parent (automation rule).");
            return;
        }

        item.LogWork(review.AddMinutes(-20), dev, 15 * context.Random.Next(2, 25), text.Say(SampleWording.WorklogNotes));
        item.Transition(review, dev, SampleStatuses.CodeReview);
        var at2 = review;
        if (context.Chance(0.5))
        {
            at2 = context.Later(at2, 0.5, 8);
            var peer = context.Pick(profile.Developers);
            item.Comment(at2, peer == dev ? context.Bot : peer, peer == dev ? text.Say(SampleWording.BotComments) : text.Say(SampleWording.Reviews));
        }

        if (profile.HasQa && type is "Story" or "Bug")
        {
            at2 = context.Later(at2, 1, 12);
            item.Transition(at2, dev, SampleStatuses.Qa);
        }

        at2 = context.Later(at2, 1, 10);
        if (type == "Story" && profile.OwnerActs(at2))
        {
            Accept(item, dev, at2);
        }
        else
        {
            item.Transition(at2, dev, SampleStatuses.Done);
        }
    }

    private void Accept(SampleItemBuilder item, Person dev, DateTimeOffset at)
    {
        var owner = profile.ProductOwner;
        item.Transition(at, dev, profile.AcceptanceStatus);
        at = context.Later(at, 1, 30);
        if (profile.OwnerActs(at) && context.Chance(0.15))
        {
            item.Transition(at, owner, SampleStatuses.InProgress, text.Say(SampleWording.Rejects));
            at = context.Later(at, 1, 6);
            item.Comment(at, dev, text.Say(SampleWording.DevComments));
            at = context.Later(at, 1, 16);
            item.LogWork(at, dev, 15 * context.Random.Next(2, 17), "Fixes after acceptance feedback");
            item.Transition(at.AddMinutes(5), dev, SampleStatuses.CodeReview);
            at = context.Later(at, 1, 10);
            item.Transition(at, dev, profile.AcceptanceStatus);
            at = context.Later(at, 1, 24);
        }

        // An owner who is gone leaves accepted-looking work waiting; the developers end up closing it themselves.
        item.Transition(at, profile.OwnerActs(at) ? owner : dev, SampleStatuses.Done,
            profile.OwnerActs(at) ? text.Say(SampleWording.Accepts) : null);
    }

    private DateTimeOffset DeliverSubTask(SampleItemBuilder parent, Person dev, string topic, DateTimeOffset start, DateTimeOffset review)
    {
        var assignee = context.Chance(0.25) ? context.Pick(profile.Developers) : dev;
        var sub = team.NewItem("Sub-task", -1, text.SubTaskTitle(topic), parent.Item.SourceId);
        sub.Item.AssigneeSourceId = assignee.SourceId;
        sub.Item.SprintSourceId = parent.Item.SprintSourceId;
        var at = team.Between(start, start.AddHours(3));
        if (!sub.Create(at, dev))
        {
            return start;
        }

        at = team.Between(at, review);
        sub.Transition(at, assignee, SampleStatuses.InProgress);
        var done = team.Between(at, review);
        for (var i = context.Random.Next(1, 4); i > 0; i--)
        {
            sub.LogWork(team.Between(at, done), assignee, 15 * context.Random.Next(2, 25), text.Say(SampleWording.WorklogNotes));
        }

        if (context.Chance(0.3))
        {
            sub.Comment(team.Between(at, done), assignee, text.Say(SampleWording.DevComments));
        }

        sub.Transition(done, assignee, SampleStatuses.Done);
        return done;
    }
}
