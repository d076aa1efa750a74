using System.Globalization;
using BacklogInsight.Domain.Model;

namespace BacklogInsight.Sources.Sample;

/// <summary>
/// The product manager's side of a team: initiatives and epics framed by a market or an outcome, their target
/// dates, release commitments, roadmap order, and a steady stream of research, competitor, pricing and OKR notes.
/// Nothing happens once <see cref="SampleTeamProfile.StrategyActs"/> says strategy has stopped for the team.
/// </summary>
internal sealed class SampleStrategyScript(SampleContext context, SampleTeamProfile profile, SampleText text, SampleTeamScript team)
{
    private readonly List<SampleItemBuilder> _portfolio = [];

    public void CreatePortfolio()
    {
        var pm = profile.ProductManager;
        var start = context.WindowStart;
        var end = new[] { profile.StrategyEndsAt, profile.OwnerGoneAt, context.Now }.Min()!.Value;
        SampleItemBuilder? initiative = null;
        foreach (var title in text.Domain.Initiatives)
        {
            var at = context.Later(start, 2, 60);
            if (!profile.StrategyActs(at))
            {
                continue;
            }

            var item = team.NewItem("Initiative", 2, title, null);
            if (item.Create(at, pm))
            {
                Frame(item, pm, at, weeks: 20);
                _portfolio.Add(item);
                initiative ??= item;
            }
        }

        var epics = text.Domain.Epics;
        var span = (end - start).TotalHours * 0.75;
        for (var i = 0; i < epics.Count; i++)
        {
            var at = context.Later(start, 4 + (span * i / epics.Count), 30 + (span * i / epics.Count));
            if (!profile.StrategyActs(at))
            {
                continue;
            }

            var epic = team.NewItem("Epic", 1, epics[i], initiative?.Item.SourceId);
            if (epic.Create(at, pm))
            {
                Frame(epic, pm, at, weeks: context.Random.Next(6, 14));
                _portfolio.Add(epic);
                team.AddEpic(epic);
            }
        }
    }

    /// <summary>The periodic strategic work, from the start of the window until strategy stops or "now".</summary>
    public void Run()
    {
        var pm = profile.ProductManager;
        for (var at = context.Later(context.WindowStart, 20, 40); at < context.Now; at = context.Later(at, 3, 16))
        {
            if (!profile.StrategyActs(at))
            {
                continue;
            }

            var open = _portfolio.FindAll(p => p.Exists && p.Item.CreatedAt < at && p.Item.StatusCategory != StatusCategory.Done);
            if (open.Count == 0)
            {
                continue;
            }

            Act(context.Pick(open), pm, at);
        }
    }

    private void Act(SampleItemBuilder item, Person pm, DateTimeOffset at)
    {
        var roll = context.Random.NextDouble();
        var age = at - item.Item.CreatedAt;
        if (item.Item.Status == SampleStatuses.ToDo && age > TimeSpan.FromDays(5))
        {
            item.Transition(at, pm, SampleStatuses.InProgress, "Business case approved in the portfolio review; funding confirmed.");
        }
        else if (item.Item.HierarchyLevel == 1 && age > TimeSpan.FromDays(60) && roll < 0.3)
        {
            item.Transition(at, pm, SampleStatuses.Done, text.Say(SampleStrategicWording.Comments));
        }
        else if (roll < 0.45)
        {
            item.Comment(at, pm, text.Say(SampleStrategicWording.Comments));
        }
        else if (roll < 0.6)
        {
            item.Rank(at, pm, context.Chance(0.6));
        }
        else if (roll < 0.7)
        {
            var target = at.AddDays(context.Random.Next(21, 90));
            item.Change(at, pm, CanonicalField.TargetDate, "Target end", null, Date(target),
                $"Aligned with the {context.Pick(SampleStrategicWording.FixVersions)} launch date agreed with sales.");
        }
        else if (roll < 0.78)
        {
            item.Change(at, pm, CanonicalField.FixVersion, "Fix Version", context.Pick(SampleStrategicWording.FixVersions), context.Pick(SampleStrategicWording.FixVersions));
        }
        else if (roll < 0.85)
        {
            item.AddLabel(at, pm, context.Pick(SampleStrategicWording.Labels));
        }
        else if (roll < 0.92)
        {
            item.Change(at, pm, CanonicalField.Description, "description", null, text.Say(SampleStrategicWording.Descriptions));
        }
        else
        {
            item.Change(at, pm, CanonicalField.Priority, "priority", "Medium", context.Pick(new[] { "High", "Highest" }));
        }
    }

    /// <summary>What a product manager sets right after creating a big item: the why, the when and the release.</summary>
    private void Frame(SampleItemBuilder item, Person pm, DateTimeOffset at, int weeks)
    {
        at = context.Later(at, 0.1, 3);
        if (profile.StrategyActs(at))
        {
            item.Change(at, pm, CanonicalField.Description, "description", null, text.Say(SampleStrategicWording.Descriptions));
        }

        at = context.Later(at, 0.1, 3);
        if (profile.StrategyActs(at))
        {
            item.Change(at, pm, CanonicalField.TargetDate, "Target end", null, Date(at.AddDays(7 * weeks)));
        }

        at = context.Later(at, 0.1, 6);
        if (context.Chance(0.7) && profile.StrategyActs(at))
        {
            item.Change(at, pm, CanonicalField.FixVersion, "Fix Version", null, context.Pick(SampleStrategicWording.FixVersions));
        }

        at = context.Later(at, 0.1, 6);
        if (profile.StrategyActs(at))
        {
            item.AddLabel(at, pm, context.Pick(SampleStrategicWording.Labels));
            item.Rank(at.AddMinutes(context.Random.Next(1, 90)), pm, higher: true);
        }
    }

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
